// Pieces shared by the SVG renderers (svg_plot.cc, interval_chart.cc): text
// sizing and cutting, the <svg> opening, titles and messages. Internal to
// report/: callers use the render_svg overloads, which these pieces make look
// alike (font, title, canvas limits, error wording).
#ifndef PRPNAS_REPORT_SVG_INTERNAL_H_
#define PRPNAS_REPORT_SVG_INTERNAL_H_

#include <cstddef>
#include <string>

#include "prpnas/report/axis_ticks.h"
#include "prpnas/report/svg_plot.h"

namespace prpnas::report::svg_internal {

inline constexpr double kFontSize = 12;
// Average width of a sans-serif character: SVG cannot measure text, so the
// layout estimates label widths from their length.
inline constexpr double kCharWidth = 0.6 * kFontSize;
inline constexpr char kXmlns[] = "xmlns=\"http://www.w3.org/2000/svg\"";

// The drawing area inside the axes, in pixels.
struct Box {
  double left, top, width, height;
  double right() const { return left + width; }
  double bottom() const { return top + height; }
};

// Coordinates: hundredths of a pixel are plenty and keep files small.
std::string px(double v);

// "plot 'front'", or "plot (untitled)": how errors name what they refuse.
std::string describe(const char* kind, const std::string& title);

// Throws ConfigError naming `what` for a canvas too small for axes and labels.
void check_canvas(const SvgOptions& options, const std::string& what);

// Characters, not bytes.
std::size_t utf8_length(const std::string& text);

// `text` cut to about `width` pixels, on a UTF-8 character boundary, with an
// ellipsis when cut; escaped.
std::string fit(const std::string& text, double width);

// The opening <svg> tag (with the xmlns only when standalone) and a white background.
void open_svg(std::string& out, const SvgOptions& options);

// Bold, centred on top; nothing for an empty title.
void draw_title(std::string& out, const std::string& title, double width);

// Grey text centred at (x, y), e.g. "no data"; `message` is not escaped.
void draw_message(std::string& out, double x, double y, const char* message);

// The most characters in a tick label, for the room left of a y axis.
std::size_t longest_label(const Ticks& ticks);

}  // namespace prpnas::report::svg_internal

#endif  // PRPNAS_REPORT_SVG_INTERNAL_H_
