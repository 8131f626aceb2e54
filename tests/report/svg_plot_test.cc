#include "prpnas/report/svg_plot.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "prpnas/util/error.h"
#include "xml_check.h"

namespace prpnas::report {
namespace {

using xml_check::attribute_values;
using xml_check::count;
using xml_check::well_formed;
using xml_check::xmllint_accepts;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

struct Frame {
  double left, top, right, bottom;
  bool holds(double x, double y) const { return x >= left && x <= right && y >= top && y <= bottom; }
};

Frame frame_of(const std::string& svg) {
  const std::string rect = "rect class=\"frame\"";
  const auto x = attribute_values(svg, rect, "x"), y = attribute_values(svg, rect, "y");
  const auto w = attribute_values(svg, rect, "width"), h = attribute_values(svg, rect, "height");
  EXPECT_EQ(x.size(), 1u);
  if (x.size() != 1) return {0, 0, 0, 0};
  return {x[0], y[0], x[0] + w[0], y[0] + h[0]};
}

// The data markers: circles outside the legend (whose swatches are circles too).
std::vector<double> markers(const std::string& svg, const char* attribute) {
  std::string data = svg;
  const std::size_t legend = data.find("<g class=\"legend\">");
  if (legend != std::string::npos) data.erase(legend, data.find("</g>", legend) + 4 - legend);
  return attribute_values(data, "circle", attribute);
}

Plot one_series(std::vector<double> x, std::vector<double> y, Series::Style style = Series::Style::kPoints) {
  Plot plot{"t", "x", "y", {}, false};
  plot.series.push_back({"s", std::move(x), std::move(y), style, ""});
  return plot;
}

TEST(XmlCheck, CatchesBrokenMarkup) {  // the checker the other tests rely on
  EXPECT_EQ(well_formed("<svg><g><circle r=\"1\"/></g><text>a &amp; b</text></svg>"), "");
  EXPECT_NE(well_formed("<svg><g></svg>"), "");
  EXPECT_NE(well_formed("<svg><text>a & b</text></svg>"), "");
  EXPECT_NE(well_formed("<svg><text>a < b</text></svg>"), "");
  EXPECT_NE(well_formed("<svg>"), "");
  EXPECT_FALSE(xmllint_accepts("<svg><g></svg>", "broken.svg") &&
               std::system("command -v xmllint >/dev/null") == 0);
}

TEST(SvgPlot, PointsLandInsideTheFrameProportionallyToTheData) {
  const std::string svg = render_svg(one_series({1, 2, 3}, {1, 4, 9}));
  const Frame frame = frame_of(svg);
  const auto cx = markers(svg, "cx"), cy = markers(svg, "cy");
  ASSERT_EQ(cx.size(), 3u);
  ASSERT_EQ(cy.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(frame.holds(cx[i], cy[i])) << i;
  EXPECT_LT(cx[0], cx[1]);
  EXPECT_LT(cx[1], cx[2]);
  EXPECT_GT(cy[0], cy[1]);  // SVG's y grows downwards
  EXPECT_GT(cy[1], cy[2]);
  EXPECT_NEAR(cx[1] - cx[0], cx[2] - cx[1], 0.02);                  // x steps 1, 1
  EXPECT_NEAR((cy[0] - cy[1]) / (cy[1] - cy[2]), 3.0 / 5.0, 1e-3);  // y steps 3, 5
}

TEST(SvgPlot, LogXSpacesDecadesEquallyAndSkipsNonPositiveX) {
  Plot plot = one_series({-1, 0, 1, 10, 100}, {1, 2, 3, 4, 5});
  plot.log_x = true;
  const std::string svg = render_svg(plot);
  const auto cx = markers(svg, "cx");
  ASSERT_EQ(cx.size(), 3u);
  EXPECT_NEAR(cx[1] - cx[0], cx[2] - cx[1], 0.02);
  EXPECT_EQ(well_formed(svg), "");
}

TEST(SvgPlot, NaNAndInfinitePointsAreSkipped) {
  const std::string svg = render_svg(one_series({1, kNaN, 2, 3, kInf}, {1, 1, kInf, 2, 5}));
  EXPECT_EQ(markers(svg, "cx").size(), 2u);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(svg.find("inf"), std::string::npos);
  EXPECT_EQ(well_formed(svg), "");
}

TEST(SvgPlot, ASinglePointSitsStrictlyInsideAPaddedRange) {
  const std::string svg = render_svg(one_series({5}, {5}));
  const Frame frame = frame_of(svg);
  const auto cx = markers(svg, "cx"), cy = markers(svg, "cy");
  ASSERT_EQ(cx.size(), 1u);
  EXPECT_GT(cx[0], frame.left + 1);
  EXPECT_LT(cx[0], frame.right - 1);
  EXPECT_GT(cy[0], frame.top + 1);
  EXPECT_LT(cy[0], frame.bottom - 1);
}

TEST(SvgPlot, EmptyAndMissingSeriesStillDrawAxes) {
  for (const Plot& plot : {Plot{}, one_series({}, {}), one_series({kNaN}, {1})}) {
    const std::string svg = render_svg(plot);
    EXPECT_EQ(well_formed(svg), "");
    EXPECT_NE(svg.find("no data"), std::string::npos);
    EXPECT_EQ(markers(svg, "cx").size(), 0u);
  }
}

TEST(SvgPlot, TextIsEscaped) {
  Plot plot = one_series({1, 2}, {3, 4});
  plot.title = "a<b & \"c\"";
  plot.x_label = "it's";
  plot.series[0].name = "<front>";
  const std::string svg = render_svg(plot);
  EXPECT_NE(svg.find("a&lt;b &amp; &quot;c&quot;"), std::string::npos);
  EXPECT_NE(svg.find("it&#39;s"), std::string::npos);
  EXPECT_NE(svg.find("&lt;front&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("a<b"), std::string::npos);
  EXPECT_EQ(well_formed(svg), "");
  EXPECT_TRUE(xmllint_accepts(svg, "escaped.svg"));
}

TEST(SvgPlot, StandaloneHasTheNamespaceAndInlineHasNoUrl) {
  const Plot plot = one_series({1, 2}, {3, 4});
  const std::string standalone = render_svg(plot);
  const std::string inline_svg = render_svg(plot, {.standalone = false});
  EXPECT_EQ(standalone.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" ", 0), 0u);
  EXPECT_EQ(inline_svg.rfind("<svg ", 0), 0u);
  EXPECT_EQ(inline_svg.find("http"), std::string::npos);
  EXPECT_EQ(inline_svg.find("xmlns"), std::string::npos);
  EXPECT_EQ(inline_svg.find("url("), std::string::npos);
  EXPECT_TRUE(xmllint_accepts(standalone, "standalone.svg"));
  EXPECT_TRUE(xmllint_accepts(inline_svg, "inline.svg"));
}

TEST(SvgPlot, CanvasSizeIsHonouredAndTinyCanvasesAreRefused) {
  const std::string svg = render_svg(one_series({1}, {1}), {.width = 800, .height = 300});
  EXPECT_NE(svg.find("width=\"800\" height=\"300\" viewBox=\"0 0 800 300\""), std::string::npos);
  EXPECT_THROW(render_svg(one_series({1}, {1}), {.width = 100, .height = 300}), ConfigError);
}

TEST(SvgPlot, StairsStepHorizontallyThenVerticallyInXOrder) {
  // A minimised front given out of order: (1,3) (2,2) (3,1).
  const std::string svg = render_svg(one_series({3, 1, 2}, {1, 3, 2}, Series::Style::kStairs));
  const std::size_t at = svg.find("<polyline points=\"");
  ASSERT_NE(at, std::string::npos);
  std::istringstream in(svg.substr(at + 18, svg.find('"', at + 18) - at - 18));
  std::vector<double> x, y;
  for (std::string pair; in >> pair;) {
    x.push_back(std::stod(pair.substr(0, pair.find(','))));
    y.push_back(std::stod(pair.substr(pair.find(',') + 1)));
  }
  ASSERT_EQ(x.size(), 5u);  // 3 points and 2 corners
  for (std::size_t i = 0; i + 1 < x.size(); ++i) {
    if (i % 2 == 0) {
      EXPECT_DOUBLE_EQ(y[i], y[i + 1]) << "segment " << i << " should be horizontal";
      EXPECT_LT(x[i], x[i + 1]);
    } else {
      EXPECT_DOUBLE_EQ(x[i], x[i + 1]) << "segment " << i << " should be vertical";
      EXPECT_LT(y[i], y[i + 1]);  // y value falls, so the pixel row grows
    }
  }
  EXPECT_EQ(markers(svg, "cx").size(), 3u);
}

TEST(SvgPlot, ALineBreaksWhereAPointIsMissing) {
  const std::string svg = render_svg(one_series({1, 2, 3, 4, 5}, {1, 2, kNaN, 4, 5}, Series::Style::kLine));
  EXPECT_EQ(count(svg, "<polyline "), 2u);
}

TEST(SvgPlot, SeriesWithoutColourTakeThePaletteInOrder) {
  Plot plot = one_series({1}, {1});
  plot.series.push_back({"b", {2}, {2}, Series::Style::kPoints, ""});
  plot.series.push_back({"c", {3}, {3}, Series::Style::kPoints, "#123456"});
  const std::string svg = render_svg(plot);
  const std::size_t first = svg.find("fill=\"" + palette()[0] + "\"");
  const std::size_t second = svg.find("fill=\"" + palette()[1] + "\"");
  const std::size_t third = svg.find("fill=\"#123456\"");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  ASSERT_NE(third, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_EQ(count(svg, "<g class=\"legend\">"), 1u);
}

TEST(SvgPlot, MismatchedXAndYNameTheSeries) {
  Plot plot = one_series({1, 2}, {1});
  plot.series[0].name = "front";
  try {
    render_svg(plot);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("'front'"), std::string::npos);
  }
}

// The legend's entries, in order.
std::vector<std::string> legend_entries(const std::string& svg) {
  std::vector<std::string> entries;
  const std::size_t legend = svg.find("<g class=\"legend\">");
  const std::size_t end = svg.find("</g>", legend);
  for (std::size_t at = svg.find("<text ", legend); at < end; at = svg.find("<text ", at + 1)) {
    const std::size_t text = svg.find('>', at) + 1;
    entries.push_back(svg.substr(text, svg.find('<', text) - text));
  }
  return entries;
}

TEST(SvgPlot, ASeriesEqualToAnEarlierOneIsDashedHollowAndSaysSo) {
  Plot plot = one_series({1, 2, kNaN, 4}, {3, 1, 2, kNaN}, Series::Style::kStairs);
  plot.series[0].name = "A";
  plot.series.push_back({"B", {1, 2, kNaN, 4}, {3, 1, 2, kNaN}, Series::Style::kStairs, ""});
  plot.series.push_back({"C", {1, 2, 3, 4}, {3, 1, 2, 0}, Series::Style::kStairs, ""});  // distinct
  plot.series.push_back({"D", {1, 2, kNaN, 4}, {3, 1, 2, kNaN}, Series::Style::kPoints, ""});
  const std::string svg = render_svg(plot);
  EXPECT_EQ(legend_entries(svg), (std::vector<std::string>{"A", "B (same as A)", "C", "D (same as A)"}));
  // B and D are drawn as such; A and C as before.
  EXPECT_EQ(count(svg, "<g class=\"series same\""), 2u);
  EXPECT_EQ(count(svg, "<g class=\"series\""), 2u);
  const auto group = [&](std::size_t n) {  // the n-th series' markup
    std::size_t at = svg.find("<g class=\"series");
    for (std::size_t i = 0; i < n; ++i) at = svg.find("<g class=\"series", at + 1);
    return svg.substr(at, svg.find("<g class=\"series", at + 1) - at);
  };
  for (const std::size_t n : {1u, 3u}) {
    const std::string same = group(n);
    EXPECT_NE(same.find("stroke-dasharray=\""), std::string::npos) << n;
    EXPECT_EQ(count(same, "fill=\"none\" stroke-width=\"1.5\""), 2u) << n;  // a ring per point
  }
  for (const std::size_t n : {0u, 2u}) EXPECT_EQ(group(n).find("stroke-dasharray"), std::string::npos) << n;
  // Rings are wider than the filled markers they surround, at the same places.
  const auto radii = markers(svg, "r");
  const auto cx = markers(svg, "cx");
  ASSERT_EQ(radii.size(), 2u + 2u + 4u + 2u);
  EXPECT_GT(radii[2], radii[0]);
  EXPECT_DOUBLE_EQ(cx[2], cx[0]);
  EXPECT_DOUBLE_EQ(cx[8], cx[0]);
  // The legend's swatches are dashed and hollow too.
  const std::string legend = svg.substr(svg.find("<g class=\"legend\">"));
  EXPECT_EQ(count(legend, "stroke-dasharray"), 3u);  // B's stairs and ring, D's ring
  EXPECT_EQ(well_formed(svg), "");
  EXPECT_TRUE(xmllint_accepts(svg, "same.svg"));
}

TEST(SvgPlot, NearlyEqualOrShorterSeriesAreNotMarkedTheSame) {
  Plot plot = one_series({1, 2, 3}, {1, 2, 3}, Series::Style::kLine);
  plot.series[0].name = "A";
  plot.series.push_back({"B", {1, 2, 3}, {1, 2, 3.0000001}, Series::Style::kLine, ""});
  plot.series.push_back({"C", {1, 2}, {1, 2}, Series::Style::kLine, ""});
  plot.series.push_back({"D", {1, 2, 3}, {1, 2, kNaN}, Series::Style::kLine, ""});
  plot.series.push_back({"E", {}, {}, Series::Style::kLine, ""});  // nothing to hide
  plot.series.push_back({"F", {}, {}, Series::Style::kLine, ""});
  const std::string svg = render_svg(plot);
  EXPECT_EQ(legend_entries(svg), (std::vector<std::string>{"A", "B", "C", "D", "E", "F"}));
  EXPECT_EQ(svg.find("same as"), std::string::npos);
  EXPECT_EQ(svg.find("stroke-dasharray"), std::string::npos);
}

TEST(SvgPlot, ASeriesEqualToSeveralNamesTheFirstAndKeepsTheSuffixWhole) {
  Plot plot = one_series({1, 2}, {1, 2}, Series::Style::kLine);
  plot.series[0].name = "";  // no legend entry of its own
  plot.series.push_back({"B", {1, 2}, {1, 2}, Series::Style::kLine, ""});
  plot.series.push_back({std::string(80, 'x'), {1, 2}, {1, 2}, Series::Style::kLine, ""});
  plot.series.push_back({"D", {1, 2}, {1, 2}, Series::Style::kLine, ""});
  const std::string svg = render_svg(plot, {.width = 1200, .height = 400, .standalone = false});
  auto entries = legend_entries(svg);
  EXPECT_EQ(entries, (std::vector<std::string>{"B (same as unnamed)", std::string(45, 'x') + "\u2026",
                                               "(same as unnamed)", "D (same as unnamed)"}));
  // A legend too narrow for name and suffix on one line gives the suffix a line of its own.
  plot.series[2].name = "a longer method name";
  entries = legend_entries(render_svg(plot));
  EXPECT_EQ(entries, (std::vector<std::string>{"B (same as unnamed)", "a longer method name",
                                               "(same as unnamed)", "D (same as unnamed)"}));
  EXPECT_EQ(count(svg, "<g class=\"series same\""), 3u);
  EXPECT_EQ(svg.find("http"), std::string::npos);
}

HeatMap two_by_three() {
  return {"alpha", {"edge0", "edge1"}, {"none", "skip", "conv"}, {{0.5, -0.25, 1.0}, {0.0, -1.0, kNaN}}};
}

TEST(SvgHeatMap, EveryFiniteCellShowsItsValueAndNaNIsBlank) {
  const std::string svg = render_svg(two_by_three());
  EXPECT_EQ(count(svg, "<rect class=\"cell\""), 5u);
  EXPECT_EQ(count(svg, "<rect class=\"blank\""), 1u);
  EXPECT_EQ(count(svg, "<text class=\"value\""), 5u);
  for (const char* v : {">0.50<", ">-0.25<", ">1.00<", ">0.00<", ">-1.00<"}) {
    EXPECT_NE(svg.find(v), std::string::npos) << v;
  }
  // No value is printed inside the blank cell.
  const std::string blank = "rect class=\"blank\"";
  const double bx = attribute_values(svg, blank, "x")[0], by = attribute_values(svg, blank, "y")[0];
  const double bw = attribute_values(svg, blank, "width")[0], bh = attribute_values(svg, blank, "height")[0];
  EXPECT_NE(svg.find("fill=\"#ffffff\" stroke=\"#bbbbbb\""), std::string::npos);
  const auto tx = attribute_values(svg, "text class=\"value\"", "x");
  const auto ty = attribute_values(svg, "text class=\"value\"", "y");
  for (std::size_t i = 0; i < tx.size(); ++i) {
    EXPECT_FALSE(tx[i] > bx && tx[i] < bx + bw && ty[i] > by && ty[i] < by + bh) << i;
  }
  EXPECT_EQ(well_formed(svg), "");
  EXPECT_TRUE(xmllint_accepts(svg, "heat.svg"));
}

TEST(SvgHeatMap, ADivergingScaleIsWhiteAtZeroAndDiffersAtTheEnds) {
  const std::string svg = render_svg(two_by_three());
  // Cells in order: 0.5, -0.25, 1.0, 0.0, -1.0.
  std::vector<std::string> fills;
  for (std::size_t at = svg.find("<rect class=\"cell\""); at != std::string::npos;
       at = svg.find("<rect class=\"cell\"", at + 1)) {
    const std::size_t f = svg.find("fill=\"", at) + 6;
    fills.push_back(svg.substr(f, 7));
  }
  ASSERT_EQ(fills.size(), 5u);
  EXPECT_EQ(fills[3], "#f7f7f7");
  EXPECT_NE(fills[2], fills[4]);
  EXPECT_NE(fills[0], fills[2]);
}

TEST(SvgHeatMap, TinyNegativesPrintAsZeroAndLabelsAreEscaped) {
  HeatMap map{"a<b & \"c\"", {"r&1"}, {"it's"}, {{-0.001}}};
  const std::string svg = render_svg(map, {.standalone = false});
  EXPECT_NE(svg.find(">0.00<"), std::string::npos);
  EXPECT_EQ(svg.find(">-0.00<"), std::string::npos);
  EXPECT_NE(svg.find("a&lt;b &amp; &quot;c&quot;"), std::string::npos);
  EXPECT_NE(svg.find("r&amp;1"), std::string::npos);
  EXPECT_NE(svg.find("it&#39;s"), std::string::npos);
  EXPECT_EQ(svg.find("http"), std::string::npos);
  EXPECT_EQ(well_formed(svg), "");
}

TEST(SvgHeatMap, AFixedScaleMakesEqualValuesEqualColours) {
  HeatMap a{"start", {"e"}, {"x", "y"}, {{0.2, 0.4}}};
  HeatMap b{"end", {"e"}, {"x", "y"}, {{0.2, 0.9}}};
  a.scale_min = b.scale_min = 0;
  a.scale_max = b.scale_max = 1;
  auto first_fill = [](const std::string& svg) {
    const std::size_t at = svg.find("<rect class=\"cell\"");
    return svg.substr(svg.find("fill=\"", at) + 6, 7);
  };
  EXPECT_EQ(first_fill(render_svg(a)), first_fill(render_svg(b)));
}

TEST(SvgHeatMap, RaggedValuesAndEmptyMaps) {
  HeatMap ragged{"m", {"r0", "r1"}, {"a", "b"}, {{1, 2}, {3}}};
  try {
    render_svg(ragged);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("row 1 ('r1')"), std::string::npos) << e.what();
  }
  const std::string empty = render_svg(HeatMap{});
  EXPECT_NE(empty.find("no data"), std::string::npos);
  EXPECT_EQ(well_formed(empty), "");
  HeatMap all_nan{"m", {"r"}, {"a"}, {{kNaN}}};
  EXPECT_EQ(count(render_svg(all_nan), "<rect class=\"blank\""), 1u);
}

TEST(SvgPlot, WriteSvgIsAtomicAndRefusesInlineSvg) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "prpnas_svg_plot_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "front.svg").string();
  const std::string svg = render_svg(one_series({1, 2}, {2, 1}, Series::Style::kStairs));
  write_svg(path, svg);
  std::stringstream content;
  content << std::ifstream(path).rdbuf();
  EXPECT_EQ(content.str(), svg);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
  EXPECT_THROW(write_svg(path, render_svg(one_series({1}, {1}), {.standalone = false})), ConfigError);
  fs::remove_all(dir);
}

// With PRPNAS_REPORT_EXAMPLES=DIR, writes example_front.svg and
// example_heat.svg there to look at; otherwise does nothing.
TEST(SvgPlot, WritesExamplesWhenAsked) {
  const char* dir = std::getenv("PRPNAS_REPORT_EXAMPLES");
  if (dir == nullptr) GTEST_SKIP() << "set PRPNAS_REPORT_EXAMPLES=DIR to write example plots";
  Plot plot{"Accuracy vs latency (NAS-Bench-201, CIFAR-10)", "latency [ms]", "test accuracy [%]", {}, true};
  Series all{"all architectures", {}, {}, Series::Style::kPoints, "#bbbbbb"};
  unsigned state = 7;
  auto uniform = [&] { return (state = state * 1103515245u + 12345u) / 4294967296.0; };
  for (int i = 0; i < 300; ++i) {
    const double latency = std::pow(10.0, 0.3 + 1.4 * uniform());
    all.x.push_back(latency);
    all.y.push_back(70 + 24 * (1 - std::exp(-latency / 6)) * (0.7 + 0.3 * uniform()));
  }
  Series front{"Pareto front", {2.5, 4, 7, 12, 20}, {85, 89, 91.5, 93, 93.8}, Series::Style::kStairs, ""};
  Series found{"PRP front", {3, 5, 9, 15}, {84, 88.5, 91, 92.6}, Series::Style::kStairs, ""};
  Series again{"PRP front, seed 2", found.x, found.y, Series::Style::kStairs, ""};  // drawn dashed over it
  plot.series = {all, front, found, again};
  write_svg(std::string(dir) + "/example_front.svg", render_svg(plot));
  HeatMap heat{"alpha at the end of training",
               {"edge 1-0", "edge 2-0", "edge 2-1", "edge 3-0", "edge 3-1", "edge 3-2"},
               {"none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"},
               {{-0.8, 0.1, 0.4, 1.2, kNaN},
                {-1.1, 0.3, 0.2, 0.9, -0.2},
                {kNaN, -0.4, 0.6, 1.5, -0.3},
                {-0.5, 0.8, 0.1, 0.7, kNaN},
                {-0.9, 0.0, 0.3, 1.1, -0.1},
                {-1.3, 0.2, 0.5, 1.4, kNaN}}};
  write_svg(std::string(dir) + "/example_heat.svg", render_svg(heat, {.width = 640, .height = 360}));
}

}  // namespace
}  // namespace prpnas::report
