// Plots written directly as SVG text: scatter points, lines and Pareto-front
// staircases on linear or log-x axes, and heat maps with the value printed in
// each cell. Nothing is fetched (no scripts, fonts or images); with
// `standalone` false the text holds no URL at all, so a report can inline it
// and stay one self-contained file.
//
// Missing data is drawn as missing, not an error, since a run may not have
// measured everything: NaN and infinite points (and x <= 0 on a log axis) are
// skipped, a NaN heat-map cell is left blank. Shapes that cannot be drawn
// (x and y of different lengths, a ragged heat map, a tiny canvas) throw
// ConfigError naming the plot.
#ifndef PRPNAS_REPORT_SVG_PLOT_H_
#define PRPNAS_REPORT_SVG_PLOT_H_

#include <limits>
#include <string>
#include <vector>

namespace prpnas::report {

struct Series {
  enum class Style {
    kPoints,  // a marker per point, in the given order
    kLine,    // points joined in the given order; broken where a point is skipped
    kStairs,  // a Pareto front: sorted by x, each step horizontal then vertical,
              // which is the front's attainment boundary whether y is minimised
              // or maximised; a marker on each point
  };
  std::string name;  // in the legend; an empty name has no legend entry
  std::vector<double> x, y;
  Style style = Style::kPoints;
  std::string color;  // any SVG colour, e.g. "#999999"; empty = the next palette colour
};

struct Plot {
  std::string title, x_label, y_label;
  // Drawn in order: later ones on top. A series with exactly the points of an
  // earlier one (as many x and y, each equal, NaN equal to NaN) would vanish
  // under it, as when two methods find the same front; so it is drawn with a
  // dashed stroke (stroke-dasharray) and hollow markers, rings wider than the
  // filled ones, and its legend entry reads "NAME (same as EARLIER)", naming
  // the first such earlier series, or "unnamed" ("(same as ...)" goes on a
  // line of its own when the legend is too narrow for both). Styles and
  // colours need not match. A series with no point to draw is never marked.
  std::vector<Series> series;
  bool log_x = false;
};

struct SvgOptions {
  int width = 640, height = 400;  // pixels; at least 240 x 180
  // true: <svg xmlns="http://www.w3.org/2000/svg" ...> for a .svg file.
  // false: <svg ...> with no xmlns or any other URL, for inlining into HTML5.
  bool standalone = true;
};

// Colour-blind-safe palette (Okabe and Ito) used for series without a colour,
// in order of use.
const std::vector<std::string>& palette();

std::string render_svg(const Plot& plot, const SvgOptions& options = {});

struct HeatMap {
  std::string title;
  std::vector<std::string> row_labels, column_labels;
  std::vector<std::vector<double>> values;  // [row][column]; NaN = blank cell (e.g. a pruned op)
  // The colour scale's ends; NaN = from the finite values. Give several maps
  // the same ends (e.g. alpha at the start, middle and end of training) so
  // that equal colours mean equal values.
  double scale_min = std::numeric_limits<double>::quiet_NaN();
  double scale_max = std::numeric_limits<double>::quiet_NaN();
};

// A grid of coloured cells with the value (2 decimals) in each and a colour
// bar. The scale is diverging (blue, white at 0, red) when it spans 0, and
// sequential (viridis) otherwise; values beyond the ends get the end colour.
std::string render_svg(const HeatMap& map, const SvgOptions& options = {});

// Writes a standalone SVG atomically (temporary file, then rename). Throws
// ConfigError when `svg` lacks the xmlns a .svg file needs, Error when writing fails.
void write_svg(const std::string& path, const std::string& svg);

}  // namespace prpnas::report

#endif  // PRPNAS_REPORT_SVG_PLOT_H_
