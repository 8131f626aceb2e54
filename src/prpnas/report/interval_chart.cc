#include "prpnas/report/interval_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <numbers>

#include "prpnas/report/axis_ticks.h"
#include "prpnas/report/svg_internal.h"
#include "prpnas/report/text.h"
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
using svg_internal::longest_label;
using svg_internal::open_svg;
using svg_internal::px;
using svg_internal::utf8_length;

constexpr double kSlant = 40;  // degrees, for category labels wider than their column

void check_length(const std::string& what, const IntervalSeries& series, const char* field,
                  std::size_t values, std::size_t categories) {
  if (values == categories) return;
  throw ConfigError(
      fmt::format("{}: series '{}' has {} {} values but there are {} categories; "
                  "give one per category (NaN where there is none)",
                  what, series.name, values, field, categories));
}

bool has_whisker(const IntervalSeries& series, std::size_t c) {
  return std::isfinite(series.low[c]) && std::isfinite(series.high[c]);
}

// The y ticks for [lo, hi] in a frame `height` pixels high, as render_svg(Plot) picks them.
Ticks y_ticks(double lo, double hi, double height) {
  return linear_ticks(lo, hi, std::clamp(static_cast<int>(height / 40), 4, 10));
}

void draw_y_axis(std::string& out, const Box& box, const Ticks& ticks, const std::string& y_label) {
  auto row = [&](double v) { return box.bottom() - (v - ticks.lo) / (ticks.hi - ticks.lo) * box.height; };
  out += "<g class=\"axes\" stroke=\"#e4e4e4\">\n";
  for (const double v : ticks.values) {
    fmt::format_to(std::back_inserter(out), "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>\n",
                   px(box.left), px(row(v)), px(box.right()));
  }
  out += "</g>\n<g class=\"ticks\" stroke=\"#333333\">\n";
  for (const double v : ticks.values) {
    fmt::format_to(std::back_inserter(out), "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>\n",
                   px(box.left - 5), px(row(v)), px(box.left));
  }
  out += "</g>\n<g class=\"tick-labels\" fill=\"#333333\">\n";
  for (std::size_t i = 0; i < ticks.values.size(); ++i) {
    fmt::format_to(std::back_inserter(out),
                   "<text x=\"{}\" y=\"{}\" dy=\"0.35em\" text-anchor=\"end\">{}</text>\n", px(box.left - 8),
                   px(row(ticks.values[i])), xml_escape(ticks.labels[i]));
  }
  out += "</g>\n";
  fmt::format_to(std::back_inserter(out),
                 "<rect class=\"frame\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" "
                 "stroke=\"#333333\"/>\n",
                 px(box.left), px(box.top), px(box.width), px(box.height));
  if (!y_label.empty()) {
    const double x = 16, y = box.top + box.height / 2;
    fmt::format_to(std::back_inserter(out),
                   "<text class=\"y-label\" x=\"{0}\" y=\"{1}\" transform=\"rotate(-90 {0} {1})\" "
                   "text-anchor=\"middle\">{2}</text>\n",
                   px(x), px(y), fit(y_label, box.height));
  }
}

// Ticks under the column centres and the labels below them: upright when
// they fit a column, else slanted, each cut so that it stays on the canvas.
void draw_categories(std::string& out, const Box& box, const std::vector<std::string>& categories,
                     bool slanted, double label_room) {
  const double band = box.width / static_cast<double>(categories.size());
  out += "<g class=\"ticks\" stroke=\"#333333\">\n";
  for (std::size_t c = 0; c < categories.size(); ++c) {
    fmt::format_to(std::back_inserter(out), "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n",
                   px(box.left + (c + 0.5) * band), px(box.bottom()), px(box.bottom() + 5));
  }
  out += "</g>\n<g class=\"category-labels\" fill=\"#333333\">\n";
  const double angle = kSlant * std::numbers::pi / 180;
  for (std::size_t c = 0; c < categories.size(); ++c) {
    const double x = box.left + (c + 0.5) * band;
    if (slanted) {
      const double y = box.bottom() + 14;
      const double room = std::min((label_room - 20) / std::sin(angle), (x - 4) / std::cos(angle));
      fmt::format_to(
          std::back_inserter(out),
          "<text x=\"{0}\" y=\"{1}\" transform=\"rotate(-{2} {0} {1})\" text-anchor=\"end\">{3}</text>\n",
          px(x), px(y), kSlant, fit(categories[c], room));
    } else {
      fmt::format_to(std::back_inserter(out), "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                     px(x), px(box.bottom() + 19), fit(categories[c], band));
    }
  }
  out += "</g>\n";
}

// "PRP, seed median: 93.1 [92.4, 93.6]", escaped.
std::string tooltip(const std::string& category, const IntervalSeries& series, std::size_t c) {
  std::string text = series.name.empty() ? category : category + ", " + series.name;
  text += fmt::format(": {:g}", series.estimate[c]);
  if (has_whisker(series, c)) text += fmt::format(" [{:g}, {:g}]", series.low[c], series.high[c]);
  return xml_escape(text);
}

void draw_legend(std::string& out, const IntervalChart& chart, const std::vector<std::string>& colors,
                 double left, double top, double width) {
  out += "<g class=\"legend\">\n";
  double y = top + 10;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    if (chart.series[s].name.empty()) continue;
    const std::string c = xml_escape(colors[s]);
    // A whisker with caps through a marker, as in the chart.
    fmt::format_to(std::back_inserter(out),
                   "<path d=\"M{0},{1}H{2}M{3},{1}V{4}M{0},{4}H{2}\" fill=\"none\" stroke=\"{5}\" "
                   "stroke-width=\"1.5\"/>\n<circle cx=\"{3}\" cy=\"{6}\" r=\"3.5\" fill=\"{5}\" "
                   "stroke=\"#ffffff\"/>\n",
                   px(left + 6), px(y - 7), px(left + 14), px(left + 10), px(y + 7), c, px(y));
    fmt::format_to(std::back_inserter(out), "<text x=\"{}\" y=\"{}\" dy=\"0.35em\">{}</text>\n",
                   px(left + 26), px(y), fit(chart.series[s].name, width - 26));
    y += 20;
  }
  out += "</g>\n";
}

}  // namespace

std::string render_svg(const IntervalChart& chart, const SvgOptions& options) {
  const std::string what = describe("interval chart", chart.title);
  check_canvas(options, what);
  const std::size_t categories = chart.categories.size();
  double lo = INFINITY, hi = -INFINITY;
  std::size_t longest_name = 0;
  for (const IntervalSeries& series : chart.series) {
    check_length(what, series, "estimate", series.estimate.size(), categories);
    check_length(what, series, "low", series.low.size(), categories);
    check_length(what, series, "high", series.high.size(), categories);
    for (std::size_t c = 0; c < categories; ++c) {
      if (!std::isfinite(series.estimate[c])) continue;
      lo = std::min(lo, series.estimate[c]), hi = std::max(hi, series.estimate[c]);
      if (!has_whisker(series, c)) continue;
      lo = std::min({lo, series.low[c], series.high[c]}), hi = std::max({hi, series.low[c], series.high[c]});
    }
    longest_name = std::max(longest_name, utf8_length(series.name));
  }
  const bool no_data = !(lo <= hi);
  if (no_data) lo = 0, hi = 1;

  // Layout: title on top, y tick labels and label on the left, category
  // labels below (slanted when wider than a column), the legend on the right.
  // Whether labels slant depends on the column width, which depends on the y
  // tick labels, which depend on the height left by the category labels: the
  // upright layout decides, and the y ticks are then picked for the room left.
  const double width = options.width, height = options.height;
  const double top = chart.title.empty() ? 14 : 38;
  const double legend = longest_name == 0 ? 0 : std::min(0.3 * width, 36 + longest_name * kCharWidth);
  const double right = legend == 0 ? 16 : 20 + legend;
  auto left_of = [&](const Ticks& ticks) {
    return (chart.y_label.empty() ? 8 : 30) + 10 + longest_label(ticks) * kCharWidth;
  };
  std::size_t label_chars = 0;
  for (const auto& label : chart.categories) label_chars = std::max(label_chars, utf8_length(label));
  const double upright_bottom = 30;
  const double upright_band = (width - left_of(y_ticks(lo, hi, height - top - upright_bottom)) - right) /
                              static_cast<double>(std::max<std::size_t>(categories, 1));
  const bool slanted = label_chars * kCharWidth + 6 > upright_band;
  const double label_room = 0.35 * height;
  const double slanted_height = label_chars * kCharWidth * std::sin(kSlant * std::numbers::pi / 180);
  const double bottom = slanted ? std::min(label_room, 20 + slanted_height) : upright_bottom;
  const Ticks yt = y_ticks(lo, hi, height - top - bottom);
  const double left = left_of(yt);
  const Box box{left, top, width - left - right, height - top - bottom};
  auto row = [&](double v) { return box.bottom() - (v - yt.lo) / (yt.hi - yt.lo) * box.height; };

  std::string out;
  open_svg(out, options);
  draw_title(out, chart.title, width);
  draw_y_axis(out, box, yt, chart.y_label);
  if (categories > 0) draw_categories(out, box, chart.categories, slanted, label_room);

  // Within a column the series share 70% of its width, one slot each.
  const double band = box.width / static_cast<double>(std::max<std::size_t>(categories, 1));
  const double slot = 0.7 * band / static_cast<double>(std::max<std::size_t>(chart.series.size(), 1));
  const double radius = std::clamp(0.3 * slot, 1.5, 4.0), cap = std::clamp(0.25 * slot, 1.5, 6.0);
  std::vector<std::string> colors;
  std::size_t next = 0;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const IntervalSeries& series = chart.series[s];
    colors.push_back(series.color.empty() ? palette()[next++ % palette().size()] : series.color);
    const double offset = (static_cast<double>(s) - (chart.series.size() - 1) / 2.0) * slot;
    fmt::format_to(std::back_inserter(out), "<g class=\"series\" fill=\"{0}\" stroke=\"{0}\">\n",
                   xml_escape(colors.back()));
    for (std::size_t c = 0; c < categories; ++c) {
      if (!std::isfinite(series.estimate[c])) continue;
      const double x = box.left + (c + 0.5) * band + offset;
      if (has_whisker(series, c)) {
        const double y_low = row(series.low[c]), y_high = row(series.high[c]);
        fmt::format_to(std::back_inserter(out),
                       "<line class=\"whisker\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" "
                       "stroke-width=\"1.5\"/>\n",
                       px(x), px(y_low), px(y_high));
        for (const double y : {y_low, y_high}) {
          fmt::format_to(std::back_inserter(out),
                         "<line class=\"cap\" x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" "
                         "stroke-width=\"1.5\"/>\n",
                         px(x - cap), px(x + cap), px(y));
        }
      }
      fmt::format_to(std::back_inserter(out),
                     "<circle class=\"estimate\" cx=\"{}\" cy=\"{}\" r=\"{}\" stroke=\"#ffffff\">"
                     "<title>{}</title></circle>\n",
                     px(x), px(row(series.estimate[c])), px(radius), tooltip(chart.categories[c], series, c));
    }
    out += "</g>\n";
  }
  if (no_data) draw_message(out, box.left + box.width / 2, box.top + box.height / 2, "no data");
  if (legend > 0) draw_legend(out, chart, colors, box.right() + 14, box.top, legend);
  out += "</svg>\n";
  return out;
}

}  // namespace prpnas::report
