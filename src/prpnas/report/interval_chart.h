// Results over several seeds as intervals, written directly as SVG text: one
// column per category (methods, or settings), in it a marker at each series'
// estimate (e.g. the median over seeds) and a vertical whisker with small caps
// from low to high (e.g. the lowest and highest seed, or a confidence
// interval). The series of a category stand side by side, so overlapping
// intervals stay apart. Canvas, fonts and palette are those of svg_plot.h;
// with `standalone` false the text holds no URL.
//
// Missing data is drawn as missing, not an error, since a seed may not have
// finished: a NaN (or infinite) estimate draws nothing for that cell, a NaN
// low or high draws the marker without a whisker. Shapes that cannot be
// drawn (a vector whose length is not the number of categories, a tiny
// canvas) throw ConfigError naming the chart.
#ifndef PRPNAS_REPORT_INTERVAL_CHART_H_
#define PRPNAS_REPORT_INTERVAL_CHART_H_

#include <string>
#include <vector>

#include "prpnas/report/svg_plot.h"

namespace prpnas::report {

struct IntervalSeries {
  std::string name;  // in the legend; an empty name has no legend entry
  // One value of each per category. low and high may come in either order.
  std::vector<double> estimate, low, high;
  std::string color;  // any SVG colour, e.g. "#999999"; empty = the next palette colour
};

struct IntervalChart {
  std::string title, y_label;
  std::vector<std::string> categories;  // along x, left to right
  std::vector<IntervalSeries> series;   // side by side within each category, in this order
};

// The y axis covers every finite value drawn (estimates, and the ends of the
// whiskers drawn) and ends at nice ticks (axis_ticks.h). A category's label is
// centred below its column; labels wider than a column are slanted, and cut
// with an ellipsis when even that leaves too little room. Each marker carries
// a tooltip with its values.
std::string render_svg(const IntervalChart& chart, const SvgOptions& options = {});

}  // namespace prpnas::report

#endif  // PRPNAS_REPORT_INTERVAL_CHART_H_
