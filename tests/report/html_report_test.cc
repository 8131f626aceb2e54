#include "prpnas/report/html_report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "prpnas/report/svg_plot.h"
#include "prpnas/util/error.h"
#include "xml_check.h"

namespace prpnas::report {
namespace {

using xml_check::count;
using xml_check::well_formed;
using xml_check::xmllint_accepts;

// A report with one of everything, plots rendered both ways.
HtmlReport full_report() {
  HtmlReport report("Run <42> & \"friends\"");
  report.add_heading("Fronts & hypervolume");
  report.add_paragraph("Pareto rank < 2 means \"good\"; it's fine.");
  report.add_table({"method", "accuracy", "latency [ms]"},
                   {{"PRP", "93.12", "4.5"}, {"<FairNAS>", "92.4%", "n/a"}});
  Plot plot{
      "front", "latency", "accuracy", {{"PRP", {1, 2, 3}, {90, 92, 93}, Series::Style::kStairs, ""}}, true};
  report.add_svg(render_svg(plot, {.standalone = false}), "Inline rendering");
  report.add_svg(render_svg(plot), "Standalone rendering, namespace dropped");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  report.add_svg(render_svg(HeatMap{"alpha", {"e0", "e1"}, {"a", "b"}, {{0.1, nan}, {-0.3, 0.7}}}), "alpha");
  report.add_preformatted("[train]\nmethod = \"prp\" # <default> & more\n");
  return report;
}

TEST(HtmlReport, IsOneWellFormedSelfContainedPage) {
  const std::string html = full_report().html();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_EQ(html.find("http"), std::string::npos);
  EXPECT_EQ(html.find("xmlns"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(count(html, "<style>"), 1u);
  EXPECT_EQ(count(html, "<svg "), 3u);
  EXPECT_EQ(count(html, "<figcaption>"), 3u);
  EXPECT_EQ(well_formed(html), "");
  EXPECT_TRUE(xmllint_accepts(html, "report.html"));
}

TEST(HtmlReport, EscapesAllText) {
  const std::string html = full_report().html();
  EXPECT_NE(html.find("<title>Run &lt;42&gt; &amp; &quot;friends&quot;</title>"), std::string::npos);
  EXPECT_NE(html.find("<h1>Run &lt;42&gt; &amp; &quot;friends&quot;</h1>"), std::string::npos);
  EXPECT_NE(html.find("<h2>Fronts &amp; hypervolume</h2>"), std::string::npos);
  EXPECT_NE(html.find("<p>Pareto rank &lt; 2 means &quot;good&quot;; it&#39;s fine.</p>"), std::string::npos);
  EXPECT_NE(html.find("<td>&lt;FairNAS&gt;</td>"), std::string::npos);
  EXPECT_NE(html.find("<pre>[train]\nmethod = &quot;prp&quot; # &lt;default&gt; &amp; more\n</pre>"),
            std::string::npos);
  EXPECT_EQ(html.find("<FairNAS>"), std::string::npos);
}

TEST(HtmlReport, RightAlignsNumericCellsOnly) {
  const std::string html = full_report().html();
  EXPECT_NE(html.find("<td class=\"num\">93.12</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">92.4%</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>PRP</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>n/a</td>"), std::string::npos);
  EXPECT_NE(html.find("<th>latency [ms]</th>"), std::string::npos);
}

TEST(HtmlReport, BlocksKeepTheirOrder) {
  HtmlReport report("t");
  report.add_paragraph("first");
  report.add_heading("second");
  report.add_preformatted("third");
  const std::string html = report.html();
  EXPECT_LT(html.find("first"), html.find("second"));
  EXPECT_LT(html.find("second"), html.find("third"));
}

TEST(HtmlReport, RefusesRaggedTablesAndForeignSvg) {
  HtmlReport report("t");
  try {
    report.add_table({"a", "b"}, {{"1", "2"}, {"3", "4", "5"}});
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("row 2 has 3 cells"), std::string::npos) << e.what();
  }
  EXPECT_THROW(report.add_svg("<svg><image href=\"http://example.org/x.png\"/></svg>", "x"), ConfigError);
  EXPECT_THROW(report.add_svg("<p>not a plot</p>", "x"), ConfigError);
  EXPECT_THROW(report.add_svg("", "x"), ConfigError);
  EXPECT_EQ(report.html().find("<figure>"), std::string::npos);  // nothing half-added
}

TEST(HtmlReport, WriteIsAtomicAndMatchesHtml) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "prpnas_html_report_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "report.html").string();
  const HtmlReport report = full_report();
  report.write(path);
  report.write(path);  // replacing an existing report
  std::stringstream content;
  content << std::ifstream(path).rdbuf();
  EXPECT_EQ(content.str(), report.html());
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
  fs::remove_all(dir);
  EXPECT_THROW(report.write((dir / "missing" / "report.html").string()), Error);
}

}  // namespace
}  // namespace prpnas::report
