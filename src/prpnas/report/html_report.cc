#include "prpnas/report/html_report.h"

#include <fmt/format.h>

#include <cstddef>
#include <iterator>
#include <utility>

#include "prpnas/report/text.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/error.h"

namespace prpnas::report {

namespace {

// Plain, readable, printable. No '>' or '&' so the page stays well-formed XML too.
constexpr char kStyle[] = R"(body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #222; background: #fff; }
h1 { font-size: 1.6rem; margin-bottom: 1rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; padding-bottom: 0.2rem; border-bottom: 1px solid #ddd; }
.table { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
tr:nth-child(even) td { background: #fafafa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1.5rem 0; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.9rem; color: #555; margin-top: 0.3rem; }
pre { background: #f6f6f6; border: 1px solid #ddd; padding: 0.75rem; overflow-x: auto; font-size: 0.85rem; }
)";

constexpr char kXmlns[] = " xmlns=\"http://www.w3.org/2000/svg\"";

}  // namespace

HtmlReport::HtmlReport(std::string title) : title_(std::move(title)) {}

void HtmlReport::add_heading(const std::string& text) { body_ += "<h2>" + xml_escape(text) + "</h2>\n"; }

void HtmlReport::add_paragraph(const std::string& text) { body_ += "<p>" + xml_escape(text) + "</p>\n"; }

void HtmlReport::add_table(const std::vector<std::string>& header,
                           const std::vector<std::vector<std::string>>& rows) {
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() != header.size()) {
      throw ConfigError(
          fmt::format("report table: row {} has {} cells but the header has {}; "
                      "give one cell per column (empty strings for none)",
                      r + 1, rows[r].size(), header.size()));
    }
  }
  std::string out = "<div class=\"table\"><table>\n";
  if (!header.empty()) {
    out += "<thead><tr>";
    for (const auto& cell : header) out += "<th>" + xml_escape(cell) + "</th>";
    out += "</tr></thead>\n";
  }
  out += "<tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (const auto& cell : row) {
      out += (looks_numeric(cell) ? "<td class=\"num\">" : "<td>") + xml_escape(cell) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table></div>\n";
  body_ += out;
}

void HtmlReport::add_svg(const std::string& svg, const std::string& caption) {
  std::string inline_svg = svg;
  if (const std::size_t at = inline_svg.find(kXmlns); at != std::string::npos) {
    inline_svg.erase(at, sizeof(kXmlns) - 1);
  }
  const std::size_t start = inline_svg.find_first_not_of(" \t\r\n");
  const std::size_t end = inline_svg.find_last_not_of(" \t\r\n");
  if (start == std::string::npos || inline_svg.compare(start, 4, "<svg") != 0 || end < 5 ||
      inline_svg.compare(end - 5, 6, "</svg>") != 0) {
    throw ConfigError("report figure '" + caption +
                      "': the text is not one <svg> element; pass the output of render_svg");
  }
  if (inline_svg.find("http") != std::string::npos) {
    throw ConfigError("report figure '" + caption +
                      "': the SVG refers to something outside the page ('http'); the report must be "
                      "self-contained, so render it with SvgOptions standalone = false");
  }
  body_ += "<figure>\n" + inline_svg.substr(start, end + 1 - start) + "\n";
  if (!caption.empty()) body_ += "<figcaption>" + xml_escape(caption) + "</figcaption>\n";
  body_ += "</figure>\n";
}

void HtmlReport::add_preformatted(const std::string& text) {
  body_ += "<pre>" + xml_escape(text) + "</pre>\n";
}

std::string HtmlReport::html() const {
  // Void elements are written self-closed so the page is also well-formed XML.
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
      "<title>{0}</title>\n<style>\n{1}</style>\n</head>\n<body>\n<h1>{0}</h1>\n{2}</body>\n</html>\n",
      xml_escape(title_), kStyle, body_);
}

void HtmlReport::write(const std::string& path) const { write_file_atomically(path, html()); }

}  // namespace prpnas::report
