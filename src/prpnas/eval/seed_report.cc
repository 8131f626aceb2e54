#include "prpnas/eval/seed_report.h"

#include <cmath>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "prpnas/eval/experiment_layout.h"
#include "prpnas/report/html_report.h"
#include "prpnas/report/interval_chart.h"
#include "prpnas/report/markdown_table.h"
#include "prpnas/report/png_copy.h"
#include "prpnas/report/svg_plot.h"
#include "prpnas/util/atomic_file.h"

namespace prpnas::eval {
namespace {

std::string figure(double value) { return std::isfinite(value) ? fmt::format("{:.4g}", value) : "-"; }

// "0.812 [0.790, 0.833]", or the mean alone when there is no interval.
std::string mean_with_interval(const MetricSummary& s) {
  if (s.n == 0) return "-";
  if (!std::isfinite(s.ci.low)) return figure(s.mean);
  return fmt::format("{} [{}, {}]", figure(s.mean), figure(s.ci.low), figure(s.ci.high));
}

std::vector<std::string> methods_of(const SeedSummary& summary) {
  std::vector<std::string> methods;
  for (const MetricSummary& s : summary.metrics) {
    if (methods.empty() || methods.back() != s.method) methods.push_back(s.method);
  }
  return methods;
}

const MetricSummary* find(const SeedSummary& summary, const std::string& method, const std::string& metric) {
  for (const MetricSummary& s : summary.metrics) {
    if (s.method == method && s.metric == metric) return &s;
  }
  return nullptr;
}

report::IntervalChart chart(const SeedSummary& summary, const MetricSense& metric,
                            const std::vector<std::string>& methods) {
  report::IntervalChart c;
  c.title = fmt::format("{} over {} seeds ({} is better): mean and 95 % interval", metric.name, summary.seeds.size(),
                        metric.higher_is_better ? "higher" : "lower");
  c.y_label = metric.name;
  c.categories = methods;
  report::IntervalSeries series{"mean", {}, {}, {}, ""};
  for (const std::string& method : methods) {
    const MetricSummary* s = find(summary, method, metric.name);
    series.estimate.push_back(s ? s->mean : std::nan(""));
    series.low.push_back(s ? s->ci.low : std::nan(""));
    series.high.push_back(s ? s->ci.high : std::nan(""));
  }
  c.series.push_back(std::move(series));
  return c;
}

}  // namespace

void write_seed_report(const std::string& dir, const SeedSummary& summary, const std::vector<MetricSense>& metrics,
                       const SeedReportContext& context) {
  const ExperimentLayout layout(dir);
  const std::vector<std::string> methods = methods_of(summary);
  std::vector<std::string> header = {"method"};
  for (const MetricSense& m : metrics) header.push_back(m.name + (m.higher_is_better ? " (max)" : " (min)"));
  std::vector<std::vector<std::string>> rows;
  for (const std::string& method : methods) {
    std::vector<std::string> row = {method};
    for (const MetricSense& m : metrics) {
      const MetricSummary* s = find(summary, method, m.name);
      row.push_back(s ? mean_with_interval(*s) : "-");
    }
    rows.push_back(std::move(row));
  }
  write_file_atomically(layout.plot("seeds.md"), report::markdown_table(header, rows));

  report::HtmlReport page(context.title);
  page.add_paragraph(context.setting);
  page.add_paragraph(fmt::format(
      "Seeds: {}. Each cell is the mean over the seeds with a value, and in brackets the 95 % percentile "
      "bootstrap interval of that mean (10,000 resamples of the seeds). With few seeds this interval is "
      "somewhat too narrow; the paired tests below do not rely on it. Per seed: seed-N/results.csv; all "
      "figures: seeds.csv.",
      fmt::join(summary.seeds, ", ")));
  page.add_heading("Mean and 95 % interval over seeds");
  page.add_table(header, rows);

  page.add_heading("PRP against each baseline, paired over seeds");
  page.add_paragraph(
      "mean_difference = PRP's row minus the baseline's, over the seeds where both have a value; better/worse "
      "count those seeds by the metric's sense. Two-sided p-values: the exact sign test, and the Wilcoxon "
      "signed-rank test (exact up to 30 seeds without ties, else the normal approximation). Ties are dropped. "
      "All comparisons: paired.csv.");
  std::vector<std::vector<std::string>> paired;
  for (const PairedComparison& c : summary.comparisons) {
    paired.push_back({c.method, c.baseline, c.metric, std::to_string(c.n), figure(c.mean_difference),
                      fmt::format("{}/{}", c.better, c.worse), c.n ? fmt::format("{:.3g}", c.sign.p_value) : "-",
                      c.n ? fmt::format("{:.3g}", c.wilcoxon.p_value) : "-"});
  }
  page.add_table({"method", "baseline", "metric", "seeds", "mean_difference", "better/worse", "sign p", "wilcoxon p"},
                 paired);

  page.add_heading("Plots");
  for (const MetricSense& metric : metrics) {
    const report::IntervalChart c = chart(summary, metric, methods);
    const std::string svg = layout.plot("seeds_" + metric.name + ".svg");
    report::write_svg(svg, report::render_svg(c));
    report::write_png_copy(svg);
    page.add_svg(report::render_svg(c, {760, 360, false}), "");
  }
  page.add_heading("Command");
  page.add_preformatted(context.command);
  page.write(layout.report());
}

}  // namespace prpnas::eval
