#include "prpnas/report/svg_internal.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "prpnas/report/text.h"
#include "prpnas/util/error.h"

namespace prpnas::report::svg_internal {

std::string px(double v) { return fmt::format("{:.2f}", v); }

std::string describe(const char* kind, const std::string& title) {
  return title.empty() ? fmt::format("{} (untitled)", kind) : fmt::format("{} '{}'", kind, title);
}

void check_canvas(const SvgOptions& options, const std::string& what) {
  if (options.width < 240 || options.height < 180 || options.width > 20000 || options.height > 20000) {
    throw ConfigError(
        fmt::format("{}: canvas {} x {} pixels cannot hold axes and labels; "
                    "set SvgOptions width and height between 240 x 180 and 20000 x 20000",
                    what, options.width, options.height));
  }
}

std::size_t utf8_length(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string fit(const std::string& text, double width) {
  const auto chars = static_cast<std::size_t>(std::max(1.0, width / kCharWidth));
  if (utf8_length(text) <= chars) return xml_escape(text);
  std::size_t bytes = 0, kept = 0;
  while (bytes < text.size() && kept + 1 < chars) {
    ++bytes;
    while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
    ++kept;
  }
  return xml_escape(text.substr(0, bytes)) + "\u2026";
}

void open_svg(std::string& out, const SvgOptions& options) {
  fmt::format_to(std::back_inserter(out),
                 "<svg{} width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
                 "font-family=\"system-ui, sans-serif\" font-size=\"{}\">\n",
                 options.standalone ? std::string(" ") + kXmlns : "", options.width, options.height,
                 options.width, options.height, kFontSize);
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
}

void draw_title(std::string& out, const std::string& title, double width) {
  if (title.empty()) return;
  fmt::format_to(std::back_inserter(out),
                 "<text class=\"title\" x=\"{}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" "
                 "font-weight=\"bold\">{}</text>\n",
                 px(width / 2), fit(title, width - 16));
}

void draw_message(std::string& out, double x, double y, const char* message) {
  fmt::format_to(std::back_inserter(out),
                 "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#777777\">{}</text>\n", px(x), px(y),
                 message);
}

std::size_t longest_label(const Ticks& ticks) {
  std::size_t n = 0;
  for (const auto& label : ticks.labels) n = std::max(n, label.size());
  return n;
}

}  // namespace prpnas::report::svg_internal
