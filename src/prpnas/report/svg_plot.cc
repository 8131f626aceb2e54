#include "prpnas/report/svg_plot.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <numbers>
#include <utility>

#include "prpnas/report/axis_ticks.h"
#include "prpnas/report/svg_internal.h"
#include "prpnas/report/text.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/error.h"

namespace prpnas::report {

namespace {

using svg_internal::Box;
using svg_internal::check_canvas;
using svg_internal::describe;
using svg_internal::draw_message;
using svg_internal::draw_title;
using svg_internal::fit;
using svg_internal::kCharWidth;
using svg_internal::kFontSize;
using svg_internal::kXmlns;
using svg_internal::longest_label;
using svg_internal::open_svg;
using svg_internal::px;
using svg_internal::utf8_length;

// ---------------------------------------------------------------- plots

// Where a data value lands along an axis, as a fraction of its length.
struct Scale {
  Ticks ticks;
  bool log = false;

  double t(double v) const { return log ? std::log10(v) : v; }
  double fraction(double v) const { return (t(v) - t(ticks.lo)) / (t(ticks.hi) - t(ticks.lo)); }
};

// x ticks whose labels do not overlap: fewer ticks until they fit.
Ticks x_ticks(double lo, double hi, bool log, double width) {
  if (log) return log_ticks(lo, hi);
  int target = std::clamp(static_cast<int>(width / 60), 4, 10);
  Ticks ticks = linear_ticks(lo, hi, target);
  while (target > 2 && ticks.values.size() > 1 &&
         (longest_label(ticks) + 2) * kCharWidth > width / static_cast<double>(ticks.values.size() - 1)) {
    ticks = linear_ticks(lo, hi, --target);
  }
  return ticks;
}

bool usable(double x, double y, bool log_x) {
  return std::isfinite(x) && std::isfinite(y) && (!log_x || x > 0);
}

void draw_axes(std::string& out, const Box& box, const Scale& xs, const Scale& ys, const Plot& plot) {
  out += "<g class=\"axes\" stroke=\"#e4e4e4\">\n";
  for (const double v : xs.ticks.values) {
    const double x = box.left + xs.fraction(v) * box.width;
    fmt::format_to(std::back_inserter(out), "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n", px(x),
                   px(box.top), px(box.bottom()));
  }
  for (const double v : ys.ticks.values) {
    const double y = box.bottom() - ys.fraction(v) * box.height;
    fmt::format_to(std::back_inserter(out), "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>\n",
                   px(box.left), px(y), px(box.right()));
  }
  out += "</g>\n<g class=\"ticks\" stroke=\"#333333\">\n";
  for (const double v : xs.ticks.values) {
    const double x = box.left + xs.fraction(v) * box.width;
    fmt::format_to(std::back_inserter(out), "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n", px(x),
                   px(box.bottom()), px(box.bottom() + 5));
  }
  for (const double v : ys.ticks.values) {
    const double y = box.bottom() - ys.fraction(v) * box.height;
    fmt::format_to(std::back_inserter(out), "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>\n",
                   px(box.left - 5), px(y), px(box.left));
  }
  out += "</g>\n<g class=\"tick-labels\" fill=\"#333333\">\n";
  for (std::size_t i = 0; i < xs.ticks.values.size(); ++i) {
    const double x = box.left + xs.fraction(xs.ticks.values[i]) * box.width;
    fmt::format_to(std::back_inserter(out), "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                   px(x), px(box.bottom() + 19), xml_escape(xs.ticks.labels[i]));
  }
  for (std::size_t i = 0; i < ys.ticks.values.size(); ++i) {
    const double y = box.bottom() - ys.fraction(ys.ticks.values[i]) * box.height;
    fmt::format_to(std::back_inserter(out),
                   "<text x=\"{}\" y=\"{}\" dy=\"0.35em\" text-anchor=\"end\">{}</text>\n", px(box.left - 8),
                   px(y), xml_escape(ys.ticks.labels[i]));
  }
  out += "</g>\n";
  fmt::format_to(std::back_inserter(out),
                 "<rect class=\"frame\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" "
                 "stroke=\"#333333\"/>\n",
                 px(box.left), px(box.top), px(box.width), px(box.height));
  if (!plot.x_label.empty()) {
    fmt::format_to(std::back_inserter(out),
                   "<text class=\"x-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                   px(box.left + box.width / 2), px(box.bottom() + 40), fit(plot.x_label, box.width));
  }
  if (!plot.y_label.empty()) {
    const double x = 16, y = box.top + box.height / 2;
    fmt::format_to(std::back_inserter(out),
                   "<text class=\"y-label\" x=\"{0}\" y=\"{1}\" transform=\"rotate(-90 {0} {1})\" "
                   "text-anchor=\"middle\">{2}</text>\n",
                   px(x), px(y), fit(plot.y_label, box.height));
  }
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// The dashes of a series drawn over an earlier, identical one: short enough
// to show on a marker's ring as well as on a line.
constexpr char kDashes[] = " stroke-dasharray=\"4 2\"";

bool same_values(const std::vector<double>& a, const std::vector<double>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](double u, double v) { return u == v || (std::isnan(u) && std::isnan(v)); });
}

// For each series, the first earlier one with exactly the same points (NaN
// equal to NaN), which it would hide; kNone when there is none or the series
// has nothing to draw. x and y already have equal lengths.
std::vector<std::size_t> coinciding(const Plot& plot) {
  std::vector<std::size_t> same(plot.series.size(), kNone);
  for (std::size_t s = 0; s < plot.series.size(); ++s) {
    const Series& series = plot.series[s];
    bool drawn = false;
    for (std::size_t i = 0; i < series.x.size(); ++i) {
      drawn = drawn || usable(series.x[i], series.y[i], plot.log_x);
    }
    if (!drawn) continue;
    for (std::size_t t = 0; t < s; ++t) {
      if (same_values(series.x, plot.series[t].x) && same_values(series.y, plot.series[t].y)) {
        same[s] = t;
        break;
      }
    }
  }
  return same;
}

// Filled markers, or rings for a series over an identical earlier one: the
// rings are wider than the filled markers, so both show. Colour and dashes
// come from the enclosing group.
void draw_markers(std::string& out, const std::vector<std::pair<double, double>>& points, bool hollow) {
  for (const auto& [x, y] : points) {
    if (hollow) {
      fmt::format_to(std::back_inserter(out),
                     "<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"none\" stroke-width=\"1.5\"/>\n", px(x),
                     px(y));
    } else {
      fmt::format_to(std::back_inserter(out), "<circle cx=\"{}\" cy=\"{}\" r=\"3\"/>\n", px(x), px(y));
    }
  }
}

void draw_polyline(std::string& out, const std::vector<std::pair<double, double>>& points) {
  if (points.size() < 2) return;
  out += "<polyline points=\"";
  for (std::size_t i = 0; i < points.size(); ++i) {
    fmt::format_to(std::back_inserter(out), "{}{},{}", i == 0 ? "" : " ", px(points[i].first),
                   px(points[i].second));
  }
  out += "\"/>\n";
}

// `same`: the series coincides with an earlier one, so it is drawn dashed with hollow markers.
void draw_series(std::string& out, const Series& series, const std::string& color, bool same, const Box& box,
                 const Scale& xs, const Scale& ys, bool log_x) {
  auto at = [&](std::size_t i) {
    return std::pair(box.left + xs.fraction(series.x[i]) * box.width,
                     box.bottom() - ys.fraction(series.y[i]) * box.height);
  };
  const std::string c = xml_escape(color);
  const char* const dashes = same ? kDashes : "";
  const char* const group = same ? "series same" : "series";
  switch (series.style) {
    case Series::Style::kPoints: {
      std::vector<std::pair<double, double>> points;
      for (std::size_t i = 0; i < series.x.size(); ++i) {
        if (usable(series.x[i], series.y[i], log_x)) points.push_back(at(i));
      }
      if (same) {
        fmt::format_to(std::back_inserter(out), "<g class=\"{}\" stroke=\"{}\"{}>\n", group, c, dashes);
      } else {
        fmt::format_to(std::back_inserter(out), "<g class=\"{}\" fill=\"{}\">\n", group, c);
      }
      draw_markers(out, points, same);
      break;
    }
    case Series::Style::kLine: {
      fmt::format_to(std::back_inserter(out),
                     "<g class=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" "
                     "stroke-linejoin=\"round\"{}>\n",
                     group, c, dashes);
      std::vector<std::pair<double, double>> run;
      for (std::size_t i = 0; i <= series.x.size(); ++i) {
        if (i < series.x.size() && usable(series.x[i], series.y[i], log_x)) {
          run.push_back(at(i));
        } else {  // a skipped point breaks the line rather than bridging the gap
          draw_polyline(out, run);
          if (run.size() == 1) {  // a lone point would vanish as a line
            if (same) {
              draw_markers(out, run, true);
            } else {
              fmt::format_to(std::back_inserter(out), "<circle cx=\"{}\" cy=\"{}\" r=\"2\" fill=\"{}\"/>\n",
                             px(run[0].first), px(run[0].second), c);
            }
          }
          run.clear();
        }
      }
      break;
    }
    case Series::Style::kStairs: {
      std::vector<std::size_t> order;
      for (std::size_t i = 0; i < series.x.size(); ++i) {
        if (usable(series.x[i], series.y[i], log_x)) order.push_back(i);
      }
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return series.x[a] < series.x[b] || (series.x[a] == series.x[b] && series.y[a] < series.y[b]);
      });
      std::vector<std::pair<double, double>> points, steps;
      for (const std::size_t i : order) {
        const auto p = at(i);
        if (!steps.empty()) steps.emplace_back(p.first, steps.back().second);
        steps.push_back(p);
        points.push_back(p);
      }
      fmt::format_to(std::back_inserter(out), "<g class=\"{0}\" fill=\"{1}\" stroke=\"{1}\"{2}>\n", group, c,
                     dashes);
      out += "<g fill=\"none\" stroke-width=\"2\">\n";
      draw_polyline(out, steps);
      out += same ? "</g>\n<g>\n" : "</g>\n<g stroke=\"none\">\n";
      draw_markers(out, points, same);
      out += "</g>\n";
      break;
    }
  }
  out += "</g>\n";
}

// " (same as NAME)" for a series over the identical series `same`; "" for kNone.
std::string same_suffix(const Plot& plot, std::size_t same) {
  if (same == kNone) return "";
  const std::string& other = plot.series[same].name;
  return " (same as " + (other.empty() ? std::string("unnamed") : other) + ")";
}

void draw_legend(std::string& out, const Plot& plot, const std::vector<std::string>& colors,
                 const std::vector<std::size_t>& same, double left, double top, double width) {
  out += "<g class=\"legend\">\n";
  double y = top + 10;
  for (std::size_t s = 0; s < plot.series.size(); ++s) {
    const Series& series = plot.series[s];
    if (series.name.empty()) continue;
    const std::string c = xml_escape(colors[s]);
    const bool hollow = same[s] != kNone;
    const char* const dashes = hollow ? kDashes : "";
    // A marker as draw_markers draws it, with the colour spelled out.
    auto marker = [&](double x, double cy, double r) {
      if (hollow) {
        fmt::format_to(std::back_inserter(out),
                       "<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"none\" stroke=\"{}\" "
                       "stroke-width=\"1.5\"{}/>\n",
                       px(x), px(cy), c, dashes);
      } else {
        fmt::format_to(std::back_inserter(out), "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"/>\n", px(x),
                       px(cy), r, c);
      }
    };
    switch (series.style) {
      case Series::Style::kPoints:
        marker(left + 10, y, 3.5);
        break;
      case Series::Style::kLine:
        fmt::format_to(
            std::back_inserter(out),
            "<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"2\"{4}/>\n",
            px(left), px(left + 20), px(y), c, dashes);
        break;
      case Series::Style::kStairs:
        fmt::format_to(std::back_inserter(out),
                       "<polyline points=\"{0},{2} {1},{2} {1},{3}\" fill=\"none\" stroke=\"{4}\" "
                       "stroke-width=\"2\"{5}/>\n",
                       px(left + 3), px(left + 17), px(y - 4), px(y + 5), c, dashes);
        marker(left + 3, y - 4, 3);
        break;
    }
    // The name and its same_suffix, whose words matter most, on a line of
    // its own when both would not fit on one.
    const std::string suffix = same_suffix(plot, same[s]);
    const double room = width - 26;
    const bool one_line = utf8_length(series.name + suffix) * kCharWidth <= room;
    fmt::format_to(std::back_inserter(out), "<text x=\"{}\" y=\"{}\" dy=\"0.35em\">{}</text>\n",
                   px(left + 26), px(y), fit(one_line ? series.name + suffix : series.name, room));
    if (!one_line) {
      y += 15;
      fmt::format_to(std::back_inserter(out),
                     "<text x=\"{}\" y=\"{}\" dy=\"0.35em\" font-size=\"11\" fill=\"#555555\">{}</text>\n",
                     px(left + 26), px(y), fit(suffix.substr(1), room * kFontSize / 11));
    }
    y += 20;
  }
  out += "</g>\n";
}

// ---------------------------------------------------------------- heat maps

struct Rgb {
  double r, g, b;  // 0..255
};

Rgb hex_rgb(unsigned v) { return {double(v >> 16), double((v >> 8) & 0xFF), double(v & 0xFF)}; }

// Piecewise-linear interpolation between equally spaced stops, t in [0, 1].
Rgb ramp(const std::array<unsigned, 9>& stops, double t) {
  const double at = std::clamp(t, 0.0, 1.0) * (stops.size() - 1);
  const std::size_t i = std::min(static_cast<std::size_t>(at), stops.size() - 2);
  const double f = at - static_cast<double>(i);
  const Rgb a = hex_rgb(stops[i]), b = hex_rgb(stops[i + 1]);
  return {a.r + f * (b.r - a.r), a.g + f * (b.g - a.g), a.b + f * (b.b - a.b)};
}

// viridis: sequential, perceptually uniform, colour-blind safe.
constexpr std::array<unsigned, 9> kSequential = {0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c,
                                                 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725};
// ColorBrewer RdBu reversed: negative blue, 0 white, positive red.
constexpr std::array<unsigned, 9> kDiverging = {0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
                                                0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b};

std::string hex(const Rgb& c) {
  auto byte = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 255.0))); };
  return fmt::format("#{:02x}{:02x}{:02x}", byte(c.r), byte(c.g), byte(c.b));
}

bool dark(const Rgb& c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b < 128; }

// Two decimals; "0.00" rather than "-0.00" for tiny negatives.
std::string value_text(double v) {
  std::string s = fmt::format("{:.2f}", v);
  if (s == "-0.00") s = "0.00";
  return s;
}

struct ColorScale {
  double lo, hi;
  bool diverging;

  Rgb at(double v) const { return ramp(diverging ? kDiverging : kSequential, (v - lo) / (hi - lo)); }
};

ColorScale color_scale(const HeatMap& map, const std::string& what) {
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& row : map.values) {
    for (const double v : row) {
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
  }
  if (!std::isnan(map.scale_min)) lo = map.scale_min;
  if (!std::isnan(map.scale_max)) hi = map.scale_max;
  if (!std::isfinite(lo) && !std::isfinite(hi)) lo = 0, hi = 1;  // nothing to show
  if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi) {
    throw ConfigError(
        fmt::format("{}: colour scale [{}, {}] is not an interval of finite numbers; "
                    "set scale_min <= scale_max or leave them NaN",
                    what, lo, hi));
  }
  if (hi - lo <= 1e-12 * std::max(std::abs(lo), std::abs(hi))) {  // all equal: give the scale a width
    const double pad = lo == 0 ? 1 : 0.1 * std::abs(lo);
    lo -= pad;
    hi += pad;
  }
  if (lo < 0 && hi > 0) {  // symmetric about 0 so white means 0
    const double m = std::max(-lo, hi);
    return {-m, m, true};
  }
  return {lo, hi, false};
}

}  // namespace

const std::vector<std::string>& palette() {
  static const std::vector<std::string> colors = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                  "#E69F00", "#56B4E9", "#000000", "#F0E442"};
  return colors;
}

std::string render_svg(const Plot& plot, const SvgOptions& options) {
  const std::string what = describe("plot", plot.title);
  check_canvas(options, what);
  double x_lo = INFINITY, x_hi = -INFINITY, y_lo = INFINITY, y_hi = -INFINITY;
  std::size_t longest_name = 0;
  for (const Series& series : plot.series) {
    if (series.x.size() != series.y.size()) {
      throw ConfigError(fmt::format("{}: series '{}' has {} x values but {} y values; give one y per x", what,
                                    series.name, series.x.size(), series.y.size()));
    }
    for (std::size_t i = 0; i < series.x.size(); ++i) {
      if (!usable(series.x[i], series.y[i], plot.log_x)) continue;
      x_lo = std::min(x_lo, series.x[i]), x_hi = std::max(x_hi, series.x[i]);
      y_lo = std::min(y_lo, series.y[i]), y_hi = std::max(y_hi, series.y[i]);
    }
  }
  const std::vector<std::size_t> same = coinciding(plot);
  for (std::size_t s = 0; s < plot.series.size(); ++s) {
    if (plot.series[s].name.empty()) continue;
    longest_name = std::max(longest_name, utf8_length(plot.series[s].name + same_suffix(plot, same[s])));
  }
  const bool no_data = !(x_lo <= x_hi);
  if (no_data) {
    x_lo = plot.log_x ? 1 : 0, x_hi = plot.log_x ? 10 : 1;
    y_lo = 0, y_hi = 1;
  }

  // Layout: title on top, y tick labels and label on the left, x tick labels
  // and label below, the legend on the right.
  const double width = options.width, height = options.height;
  const double top = plot.title.empty() ? 14 : 38;
  const double bottom = plot.x_label.empty() ? 30 : 52;
  const Ticks yt =
      linear_ticks(y_lo, y_hi, std::clamp(static_cast<int>((height - top - bottom) / 40), 4, 10));
  const double left = (plot.y_label.empty() ? 8 : 30) + 10 + longest_label(yt) * kCharWidth;
  const double legend = longest_name == 0 ? 0 : std::min(0.3 * width, 36 + longest_name * kCharWidth);
  const double right = legend == 0 ? 16 : 20 + legend;
  const Box box{left, top, width - left - right, height - top - bottom};
  const Scale xs{x_ticks(x_lo, x_hi, plot.log_x, box.width), plot.log_x}, ys{yt, false};

  std::string out;
  open_svg(out, options);
  draw_title(out, plot.title, width);
  draw_axes(out, box, xs, ys, plot);
  std::vector<std::string> colors;
  std::size_t next = 0;
  for (std::size_t s = 0; s < plot.series.size(); ++s) {
    const Series& series = plot.series[s];
    colors.push_back(series.color.empty() ? palette()[next++ % palette().size()] : series.color);
    draw_series(out, series, colors.back(), same[s] != kNone, box, xs, ys, plot.log_x);
  }
  if (no_data) draw_message(out, box.left + box.width / 2, box.top + box.height / 2, "no data");
  if (legend > 0) draw_legend(out, plot, colors, same, box.right() + 14, box.top, legend);
  out += "</svg>\n";
  return out;
}

std::string render_svg(const HeatMap& map, const SvgOptions& options) {
  const std::string what = describe("heat map", map.title);
  check_canvas(options, what);
  const std::size_t rows = map.row_labels.size(), columns = map.column_labels.size();
  if (map.values.size() != rows) {
    throw ConfigError(fmt::format("{}: {} rows of values but {} row labels; give one label per row", what,
                                  map.values.size(), rows));
  }
  for (std::size_t r = 0; r < rows; ++r) {
    if (map.values[r].size() != columns) {
      throw ConfigError(
          fmt::format("{}: row {} ('{}') has {} values but there are {} column labels; "
                      "give one value per column (NaN for a blank cell)",
                      what, r, map.row_labels[r], map.values[r].size(), columns));
    }
  }
  const ColorScale scale = color_scale(map, what);
  const double width = options.width, height = options.height;

  std::string out;
  open_svg(out, options);
  draw_title(out, map.title, width);
  if (rows == 0 || columns == 0) {
    draw_message(out, width / 2, height / 2, "no data");
    out += "</svg>\n";
    return out;
  }

  // Layout: row labels left, the colour bar right, column labels below the
  // grid, slanted when they are wider than a cell.
  std::size_t row_chars = 0, column_chars = 0;
  for (const auto& label : map.row_labels) row_chars = std::max(row_chars, utf8_length(label));
  for (const auto& label : map.column_labels) column_chars = std::max(column_chars, utf8_length(label));
  const double top = map.title.empty() ? 12 : 38;
  const double row_label_width = std::min(0.3 * width, row_chars * kCharWidth + 4);
  const double left = 12 + row_label_width, right = 84;
  const double cell_w = (width - left - right) / static_cast<double>(columns);
  const bool slanted = column_chars * kCharWidth + 6 > cell_w;
  constexpr double kSlant = 40;  // degrees
  const double column_label_room = 0.35 * height;
  const double bottom = slanted
                            ? std::min(column_label_room, 20 + column_chars * kCharWidth *
                                                                   std::sin(kSlant * std::numbers::pi / 180))
                            : 28;
  const double cell_h = (height - top - bottom) / static_cast<double>(rows);
  const double font = std::clamp(std::min(cell_h * 0.45, cell_w / 3.5), 6.0, kFontSize);

  out += "<g class=\"cells\">\n";
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      const double v = map.values[r][c];
      const double x = left + c * cell_w, y = top + r * cell_h;
      const std::string where = xml_escape(map.row_labels[r] + ", " + map.column_labels[c]);
      if (std::isnan(v)) {
        fmt::format_to(std::back_inserter(out),
                       "<rect class=\"blank\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" "
                       "stroke=\"#bbbbbb\" stroke-dasharray=\"3 2\"><title>{}: no value</title></rect>\n",
                       px(x + 1), px(y + 1), px(cell_w - 2), px(cell_h - 2), where);
        continue;
      }
      const Rgb color = scale.at(v);
      fmt::format_to(std::back_inserter(out),
                     "<rect class=\"cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
                     "stroke=\"#ffffff\"><title>{}: {}</title></rect>\n",
                     px(x), px(y), px(cell_w), px(cell_h), hex(color), where,
                     xml_escape(fmt::format("{:g}", v)));
      fmt::format_to(std::back_inserter(out),
                     "<text class=\"value\" x=\"{}\" y=\"{}\" dy=\"0.35em\" text-anchor=\"middle\" "
                     "font-size=\"{}\" fill=\"{}\">{}</text>\n",
                     px(x + cell_w / 2), px(y + cell_h / 2), px(font), dark(color) ? "#ffffff" : "#000000",
                     value_text(v));
    }
  }
  out += "</g>\n<g class=\"row-labels\" fill=\"#333333\">\n";
  for (std::size_t r = 0; r < rows; ++r) {
    fmt::format_to(std::back_inserter(out),
                   "<text x=\"{}\" y=\"{}\" dy=\"0.35em\" text-anchor=\"end\">{}</text>\n", px(left - 6),
                   px(top + (r + 0.5) * cell_h), fit(map.row_labels[r], row_label_width));
  }
  out += "</g>\n<g class=\"column-labels\" fill=\"#333333\">\n";
  const double grid_bottom = top + rows * cell_h;
  for (std::size_t c = 0; c < columns; ++c) {
    const double x = left + (c + 0.5) * cell_w;
    if (slanted) {
      const double y = grid_bottom + 12;
      const double room = (column_label_room - 20) / std::sin(kSlant * std::numbers::pi / 180);
      fmt::format_to(
          std::back_inserter(out),
          "<text x=\"{0}\" y=\"{1}\" transform=\"rotate(-{2} {0} {1})\" text-anchor=\"end\">{3}</text>\n",
          px(x), px(y), kSlant, fit(map.column_labels[c], room));
    } else {
      fmt::format_to(std::back_inserter(out), "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                     px(x), px(grid_bottom + 18), fit(map.column_labels[c], cell_w));
    }
  }
  out += "</g>\n";

  // Colour bar: thin slices rather than a gradient, which would need an
  // url(#id) reference.
  constexpr int kSlices = 48;
  const double bar_x = width - right + 16, bar_w = 14, bar_h = grid_bottom - top;
  out += "<g class=\"color-bar\">\n";
  for (int i = 0; i < kSlices; ++i) {
    const double t = (i + 0.5) / kSlices;  // from the top (hi) down
    fmt::format_to(std::back_inserter(out),
                   "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", px(bar_x),
                   px(top + i * bar_h / kSlices), px(bar_w), px(bar_h / kSlices + 0.5),
                   hex(scale.at(scale.hi - t * (scale.hi - scale.lo))));
  }
  fmt::format_to(std::back_inserter(out),
                 "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#333333\"/>\n",
                 px(bar_x), px(top), px(bar_w), px(bar_h));
  const std::array<std::pair<double, double>, 3> marks = {
      std::pair(scale.hi, 0.0), std::pair((scale.lo + scale.hi) / 2, 0.5), std::pair(scale.lo, 1.0)};
  for (const auto& [value, at] : marks) {
    fmt::format_to(std::back_inserter(out),
                   "<text x=\"{}\" y=\"{}\" dy=\"0.35em\" fill=\"#333333\">{}</text>\n",
                   px(bar_x + bar_w + 5), px(top + at * bar_h), value_text(value));
  }
  out += "</g>\n</svg>\n";
  return out;
}

void write_svg(const std::string& path, const std::string& svg) {
  if (svg.find(kXmlns) == std::string::npos) {
    throw ConfigError(path + ": the SVG has no " + kXmlns +
                      ", so viewers would not show it; render it with SvgOptions standalone = true");
  }
  write_file_atomically(path, svg);
}

}  // namespace prpnas::report
