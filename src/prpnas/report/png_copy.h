// A PNG copy of an SVG file, for viewers and documents that take no SVG,
// rendered by librsvg's rsvg-convert (Debian's librsvg2-bin, installed by
// scripts/bootstrap) rather than by a rasteriser of our own.
#ifndef PRPNAS_REPORT_PNG_COPY_H_
#define PRPNAS_REPORT_PNG_COPY_H_

#include <string>

namespace prpnas::report {

// Writes PATH.png beside PATH.svg (same name, .png), atomically (temporary
// file, then rename). Returns false, writing nothing, when rsvg-convert is
// not installed or fails: the SVG stays the result, the PNG is a convenience.
bool write_png_copy(const std::string& svg_path);

}  // namespace prpnas::report

#endif  // PRPNAS_REPORT_PNG_COPY_H_
