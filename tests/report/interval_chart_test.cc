#include "prpnas/report/interval_chart.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "prpnas/util/error.h"
#include "xml_check.h"

namespace prpnas::report {
namespace {

using xml_check::attribute_values;
using xml_check::count;
using xml_check::well_formed;
using xml_check::xmllint_accepts;

// Names differ from svg_plot_test.cc's: the unity build may compile both as one file.
constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// The y axis as drawn: maps a value to its pixel row through the first and
// last tick label (their text and their y).
struct DrawnAxis {
  double lo = 0, hi = 0, lo_row = 0, hi_row = 0;
  double row(double v) const { return lo_row + (v - lo) / (hi - lo) * (hi_row - lo_row); }
};

DrawnAxis drawn_axis(const std::string& svg) {
  const std::size_t group = svg.find("<g class=\"tick-labels\"");
  const std::size_t end = svg.find("</g>", group);
  std::vector<double> values, rows;
  for (std::size_t at = svg.find("<text ", group); at < end; at = svg.find("<text ", at + 1)) {
    const std::size_t text = svg.find('>', at) + 1;
    values.push_back(std::stod(svg.substr(text, svg.find('<', text) - text)));
    rows.push_back(attribute_values(svg.substr(at, text - at), "text", "y").at(0));
  }
  EXPECT_GE(values.size(), 2u);
  if (values.size() < 2) return {};
  return {values.front(), values.back(), rows.front(), rows.back()};
}

IntervalChart seeds_chart() {
  return {"seeds",
          "test accuracy [%]",
          {"PRP", "FairNAS", "random"},
          {{"CIFAR-10", {93.1, 92.4, 90.2}, {92.5, 91.8, 88.0}, {93.6, 92.9, 91.5}, ""},
           {"CIFAR-100", {70.3, kMissing, 66.0}, {69.0, 68.0, kMissing}, {71.2, 69.5, 67.1}, ""}}};
}

TEST(IntervalChart, WhiskersSpanLowToHighAndMarkersSitAtTheEstimateOnTheYAxis) {
  const IntervalChart chart = seeds_chart();
  const std::string svg = render_svg(chart);
  const DrawnAxis axis = drawn_axis(svg);
  EXPECT_LT(axis.hi_row, axis.lo_row);  // SVG's y grows downwards
  // Whiskers where both ends are finite: the first series' three, the second's first.
  const auto y1 = attribute_values(svg, "line class=\"whisker\"", "y1");
  const auto y2 = attribute_values(svg, "line class=\"whisker\"", "y2");
  const auto wx = attribute_values(svg, "line class=\"whisker\"", "x1");
  ASSERT_EQ(y1.size(), 4u);
  ASSERT_EQ(y2.size(), 4u);
  const std::vector<std::pair<std::size_t, std::size_t>> cells = {{0, 0}, {0, 1}, {0, 2}, {1, 0}};
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const auto& [s, c] = cells[i];
    EXPECT_NEAR(y1[i], axis.row(chart.series[s].low[c]), 0.02) << i;
    EXPECT_NEAR(y2[i], axis.row(chart.series[s].high[c]), 0.02) << i;
  }
  // Two caps per whisker, level with its ends and centred on it.
  const auto cap_y = attribute_values(svg, "line class=\"cap\"", "y1");
  const auto cap_x1 = attribute_values(svg, "line class=\"cap\"", "x1");
  const auto cap_x2 = attribute_values(svg, "line class=\"cap\"", "x2");
  ASSERT_EQ(cap_y.size(), 8u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_DOUBLE_EQ(cap_y[2 * i], y1[i]);
    EXPECT_DOUBLE_EQ(cap_y[2 * i + 1], y2[i]);
    EXPECT_NEAR((cap_x1[2 * i] + cap_x2[2 * i]) / 2, wx[i], 0.02);
    EXPECT_LT(cap_x1[2 * i], cap_x2[2 * i]);
  }
  // One marker per finite estimate (5 of 6), at the estimate.
  const auto cy = attribute_values(svg, "circle class=\"estimate\"", "cy");
  const auto cx = attribute_values(svg, "circle class=\"estimate\"", "cx");
  ASSERT_EQ(cy.size(), 5u);
  const std::vector<double> estimates = {93.1, 92.4, 90.2, 70.3, 66.0};
  for (std::size_t i = 0; i < cy.size(); ++i) EXPECT_NEAR(cy[i], axis.row(estimates[i]), 0.02) << i;
  for (std::size_t i = 0; i < 4; ++i) EXPECT_DOUBLE_EQ(cx[i], wx[i]) << i;
  // The axis covers every value drawn and ends at ticks.
  EXPECT_LE(axis.lo, 66.0);
  EXPECT_GE(axis.hi, 93.6);
  EXPECT_EQ(well_formed(svg), "");
  EXPECT_TRUE(xmllint_accepts(svg, "interval.svg"));
}

TEST(IntervalChart, SeriesStandSideBySideWithinTheirCategory) {
  const std::string svg = render_svg(seeds_chart());
  const auto cx = attribute_values(svg, "circle class=\"estimate\"", "cx");
  ASSERT_EQ(cx.size(), 5u);  // CIFAR-10 at PRP, FairNAS, random; CIFAR-100 at PRP, random
  EXPECT_LT(cx[0], cx[3]);   // PRP: CIFAR-10 left of CIFAR-100
  EXPECT_LT(cx[3], cx[1]);   // ... and both left of FairNAS
  EXPECT_LT(cx[1], cx[2]);
  EXPECT_LT(cx[2], cx[4]);
  EXPECT_NEAR(cx[3] - cx[0], cx[4] - cx[2], 0.02);  // the same offset in every category
  EXPECT_NEAR(cx[2] - cx[1], cx[1] - cx[0], 0.02);  // equal columns
  // Category labels are centred between the two series' slots.
  const auto lx = attribute_values(svg.substr(svg.find("<g class=\"category-labels\"")), "text", "x");
  ASSERT_GE(lx.size(), 3u);
  EXPECT_NEAR(lx[0], (cx[0] + cx[3]) / 2, 0.02);
}

TEST(IntervalChart, MissingValuesAreSkipped) {
  IntervalChart chart{"t", "y", {"a", "b", "c", "d"}, {}};
  chart.series.push_back({"s",
                          {1, kMissing, 3, 4},
                          {0.5, 1, kMissing, std::numeric_limits<double>::infinity()},
                          {1.5, 3, 3.5, 4.5},
                          ""});
  const std::string svg = render_svg(chart);
  EXPECT_EQ(count(svg, "<circle class=\"estimate\""), 3u);  // b's estimate is NaN
  EXPECT_EQ(count(svg, "<line class=\"whisker\""), 1u);     // only a has both ends
  EXPECT_EQ(count(svg, "<line class=\"cap\""), 2u);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(svg.find("inf"), std::string::npos);
  // The axis covers what is drawn: a's whisker from 0.5 and d's estimate 4.
  const DrawnAxis axis = drawn_axis(svg);
  EXPECT_LE(axis.lo, 0.5);
  EXPECT_GE(axis.hi, 4);
  EXPECT_EQ(well_formed(svg), "");
}

TEST(IntervalChart, NothingToDrawStillDrawsAxes) {
  IntervalChart all_missing{"t", "y", {"a"}, {{"s", {kMissing}, {1}, {2}, ""}}};
  for (const IntervalChart& chart : {IntervalChart{}, all_missing}) {
    const std::string svg = render_svg(chart);
    EXPECT_NE(svg.find("no data"), std::string::npos);
    EXPECT_NE(svg.find("<rect class=\"frame\""), std::string::npos);
    EXPECT_EQ(count(svg, "<circle class=\"estimate\""), 0u);
    EXPECT_EQ(well_formed(svg), "");
  }
}

TEST(IntervalChart, VectorsOfTheWrongLengthNameTheChart) {
  for (const char* field : {"estimate", "low", "high"}) {
    IntervalChart chart = seeds_chart();
    IntervalSeries& series = chart.series[1];
    (field[0] == 'e' ? series.estimate : field[0] == 'l' ? series.low : series.high).pop_back();
    try {
      render_svg(chart);
      FAIL() << field;
    } catch (const ConfigError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("interval chart 'seeds'"), std::string::npos) << message;
      EXPECT_NE(message.find("'CIFAR-100'"), std::string::npos) << message;
      EXPECT_NE(message.find(std::string("2 ") + field + " values"), std::string::npos) << message;
    }
  }
  IntervalChart untitled{"", "", {"a", "b"}, {{"s", {1}, {1}, {1}, ""}}};
  try {
    render_svg(untitled);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("interval chart (untitled)"), std::string::npos) << e.what();
  }
  EXPECT_THROW(render_svg(seeds_chart(), {.width = 200, .height = 300}), ConfigError);
}

TEST(IntervalChart, InlineHasNoUrlAndTextIsEscaped) {
  IntervalChart chart = seeds_chart();
  chart.title = "a<b & \"c\"";
  chart.categories[0] = "it's";
  chart.series[0].name = "<mean>";
  const std::string svg = render_svg(chart, {.standalone = false});
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_EQ(svg.find("http"), std::string::npos);
  EXPECT_EQ(svg.find("xmlns"), std::string::npos);
  EXPECT_NE(svg.find("a&lt;b &amp; &quot;c&quot;"), std::string::npos);
  EXPECT_NE(svg.find(">it&#39;s<"), std::string::npos);
  EXPECT_NE(svg.find("&lt;mean&gt;"), std::string::npos);
  EXPECT_EQ(well_formed(svg), "");
  EXPECT_TRUE(xmllint_accepts(svg, "interval_inline.svg"));
  EXPECT_EQ(render_svg(chart).rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" ", 0), 0u);
}

TEST(IntervalChart, LegendNamesTheSeriesInPaletteColours) {
  IntervalChart chart = seeds_chart();
  chart.series.push_back({"", {1, 2, 3}, {1, 2, 3}, {1, 2, 3}, "#123456"});
  const std::string svg = render_svg(chart);
  const std::string legend = svg.substr(svg.find("<g class=\"legend\">"));
  EXPECT_NE(legend.find(">CIFAR-10<"), std::string::npos);
  EXPECT_NE(legend.find(">CIFAR-100<"), std::string::npos);
  EXPECT_EQ(count(legend, "<text "), 2u);  // the unnamed series has no entry
  EXPECT_NE(svg.find("<g class=\"series\" fill=\"" + palette()[0] + "\""), std::string::npos);
  EXPECT_NE(svg.find("<g class=\"series\" fill=\"" + palette()[1] + "\""), std::string::npos);
  EXPECT_NE(svg.find("<g class=\"series\" fill=\"#123456\""), std::string::npos);
}

TEST(IntervalChart, LongCategoryLabelsAreSlantedAndCut) {
  IntervalChart chart{"t", "y", {}, {{"s", {}, {}, {}, ""}}};
  for (int i = 0; i < 8; ++i) {
    chart.categories.push_back("a rather long setting name number " + std::to_string(i) +
                               " with several more words after it");
    chart.series[0].estimate.push_back(i);
    chart.series[0].low.push_back(i - 0.5);
    chart.series[0].high.push_back(i + 0.5);
  }
  const std::string svg = render_svg(chart);
  const std::string labels = svg.substr(svg.find("<g class=\"category-labels\""));
  EXPECT_EQ(count(labels.substr(0, labels.find("</g>")), "transform=\"rotate(-40 "), 8u);
  EXPECT_NE(labels.find("\u2026"), std::string::npos);
  EXPECT_EQ(well_formed(svg), "");
  // Short labels stay upright.
  const std::string upright = render_svg(seeds_chart());
  EXPECT_EQ(upright.find("rotate(-40"), std::string::npos);
}

// With PRPNAS_REPORT_EXAMPLES=DIR, writes example_intervals.svg there to look
// at; otherwise does nothing.
TEST(IntervalChart, WritesAnExampleWhenAsked) {
  const char* dir = std::getenv("PRPNAS_REPORT_EXAMPLES");
  if (dir == nullptr) GTEST_SKIP() << "set PRPNAS_REPORT_EXAMPLES=DIR to write an example chart";
  IntervalChart chart{"Hypervolume over 5 seeds (median, min to max)",
                      "hypervolume ratio",
                      {"PRP", "PRP, no rank pool", "FairNAS", "SPOS + evolution", "random search"},
                      {{"CIFAR-10", {0.962, 0.951, 0.934, 0.941, 0.902},
                        {0.955, 0.938, 0.921, 0.930, 0.884}, {0.968, 0.960, 0.945, 0.950, 0.917}, ""},
                       {"CIFAR-100", {0.944, 0.930, kMissing, 0.925, 0.871},
                        {0.931, kMissing, kMissing, 0.910, 0.850},
                        {0.952, 0.941, kMissing, 0.936, 0.889}, ""},
                       {"ImageNet16-120", {0.921, 0.915, 0.890, 0.902, 0.842},
                        {0.905, 0.899, 0.871, 0.887, 0.820}, {0.933, 0.928, 0.904, 0.914, 0.861}, ""}}};
  write_svg(std::string(dir) + "/example_intervals.svg", render_svg(chart));
}

}  // namespace
}  // namespace prpnas::report
