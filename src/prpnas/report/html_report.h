// One self-contained HTML5 page: inline CSS, inline SVG, no scripts and no
// reference to anything outside the file (the text holds no "http" at all),
// so it can be mailed, archived with a run, or opened offline years later.
// Every piece of text is escaped; only add_svg takes markup.
#ifndef PRPNAS_REPORT_HTML_REPORT_H_
#define PRPNAS_REPORT_HTML_REPORT_H_

#include <string>
#include <vector>

namespace prpnas::report {

class HtmlReport {
 public:
  // The page's <title> and its <h1>.
  explicit HtmlReport(std::string title);

  // Blocks, shown in the order added.
  void add_heading(const std::string& text);  // a section heading (<h2>)
  void add_paragraph(const std::string& text);
  // Every row as wide as the header (throws ConfigError naming the row
  // otherwise). Numeric-looking cells (see looks_numeric) are right-aligned.
  void add_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);
  // `svg` from render_svg; the xmlns of a standalone rendering is dropped
  // (HTML5 needs none). Throws ConfigError when it is not one <svg> element
  // or still holds "http" (an external reference). An empty caption adds none.
  void add_svg(const std::string& svg, const std::string& caption);
  // Text shown as is in a monospace block, e.g. the config TOML or a JSON
  // machine description.
  void add_preformatted(const std::string& text);

  std::string html() const;
  // Writes html() atomically (temporary file, then rename); throws Error naming the path.
  void write(const std::string& path) const;

 private:
  std::string title_;
  std::string body_;
};

}  // namespace prpnas::report

#endif  // PRPNAS_REPORT_HTML_REPORT_H_
