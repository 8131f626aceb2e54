#include "prpnas/eval/tabular_report.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/core.h>

#include "prpnas/eval/experiment_layout.h"
#include "prpnas/report/html_report.h"
#include "prpnas/report/markdown_table.h"
#include "prpnas/report/png_copy.h"
#include "prpnas/report/svg_plot.h"
#include "prpnas/util/atomic_file.h"

namespace prpnas::eval {
namespace {

std::string cell(double value, const char* format = "{:.4f}") {
  return std::isfinite(value) ? fmt::format(fmt::runtime(format), value) : "-";
}

// Accuracy (y) against the first cost (x) of the architectures at or above
// `floor` accuracy.
report::Series series(const std::string& name, const TabularProblem& problem,
                      const std::vector<space::Architecture>& archs, report::Series::Style style, double floor) {
  report::Series s{name, {}, {}, style, ""};
  for (const auto& arch : archs) {
    const std::vector<double>& v = problem.values()[problem.enumeration().index(arch)];
    if (v[0] < floor) continue;
    s.x.push_back(v[1]);
    s.y.push_back(v[0]);
  }
  return s;
}

double median_accuracy(const TabularProblem& problem) {
  std::vector<double> accuracy;
  for (const auto& v : problem.values()) accuracy.push_back(v[0]);
  std::nth_element(accuracy.begin(), accuracy.begin() + accuracy.size() / 2, accuracy.end());
  return accuracy[accuracy.size() / 2];
}

// Accuracy against the first cost: all cells in grey, the true front, then
// each method's front. Cells below the median accuracy (degenerate cells at
// chance among them) are left out: they would squash the region where the
// fronts differ.
report::Plot fronts_plot(const TabularProblem& problem, const TabularExperimentOptions& options,
                         const TabularExperiment& experiment) {
  const auto& objectives = problem.objectives();
  const double floor = median_accuracy(problem);
  report::Plot plot{fmt::format("Fronts found with at most {} queries each", options.budget),
                    objectives[1].name + " (log scale)", objectives[0].name + fmt::format(" (>= {})", floor), {},
                    true};
  std::vector<space::Architecture> all;
  for (std::uint64_t i = 0; i < problem.size(); ++i) all.push_back(problem.enumeration().at(i));
  plot.series.push_back(series("all cells", problem, all, report::Series::Style::kPoints, floor));
  plot.series.back().color = "#cccccc";
  plot.series.push_back(
      series("true front", problem, experiment.true_front, report::Series::Style::kStairs, floor));
  plot.series.back().color = "#000000";
  for (const auto& m : experiment.methods) {
    plot.series.push_back(series(m.method, problem, m.front, report::Series::Style::kStairs, floor));
  }
  return plot;
}

report::HeatMap alpha_map(const space::SearchSpace& space, const train::TabularPrpResult& prp) {
  report::HeatMap map{"PRP's alpha at the end (blank = pruned)", {}, space.choices(0), {}};
  for (int d = 0; d < space.num_decisions(); ++d) {
    map.row_labels.push_back(space.decision_name(d));
    std::vector<double> row;
    for (std::size_t c = 0; c < space.choices(d).size(); ++c) {
      row.push_back(prp.alive[d][c] ? prp.alpha[d][c] : std::numeric_limits<double>::quiet_NaN());
    }
    map.values.push_back(std::move(row));
  }
  return map;
}

}  // namespace

void write_tabular_report(const std::string& dir, const space::SearchSpace& space, const TabularProblem& problem,
                          const TabularExperimentOptions& options, const TabularExperiment& experiment,
                          const std::string& command) {
  const ExperimentLayout layout(dir);
  // The discriminating figures first (docs/FORMATS.md); the old ones after, for comparability.
  const std::vector<std::string> header = {"method", "hv_ratio", "igd_plus", "epsilon", "true-front hits (near)",
                                           "kendall_tau_b", "queries", "front_size", "front_approximation", "igd"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : experiment.methods) {
    rows.push_back({m.method, cell(m.metrics.hypervolume_ratio), cell(m.metrics.igd_plus, "{:.4g}"),
                    cell(m.metrics.epsilon, "{:.4g}"),
                    fmt::format("{}/{} ({})", m.metrics.exact_hits, m.metrics.true_front_size, m.metrics.near_hits),
                    cell(m.kendall_tau_b), std::to_string(m.queries), std::to_string(m.front.size()),
                    cell(m.front_approximation), cell(m.igd, "{:.4g}")});
  }
  std::string objectives;
  for (const auto& o : problem.objectives()) {
    objectives += (objectives.empty() ? "" : ", ") + o.name + (o.sense == pareto::Sense::kMaximize ? " (max)" : " (min)");
  }
  write_file_atomically(layout.results_md(), report::markdown_table(header, rows));

  report::HtmlReport page("prpnas tabular experiment");
  page.add_paragraph(fmt::format("Objectives: {}. Budget: {} distinct table queries per method, seed {}. "
                                 "The true front holds {} of the {} cells.",
                                 objectives, options.budget, options.seed, experiment.true_front.size(),
                                 problem.size()));
  page.add_heading("Results");
  page.add_table(header, rows);
  page.add_paragraph(
      "front_approximation = HV(found front) / HV(true front) with the reference point at the worst value of "
      "every objective over all cells; front_approximation_nadir uses the true front's worst values plus a tenth "
      "of its range, which only counts the region near the front. kendall_tau_b: PRP's score P(a) against the "
      "true Pareto ranks of all cells.");
  if (problem.objectives().size() >= 2) {
    const report::Plot plot = fronts_plot(problem, options, experiment);
    report::write_svg(layout.plot("fronts.svg"), report::render_svg(plot));
    report::write_png_copy(layout.plot("fronts.svg"));
    page.add_svg(report::render_svg(plot, {760, 480, false}),
                 std::string("Cells below the median accuracy are not drawn.") +
                     (problem.objectives().size() > 2 ? " Accuracy against the first cost only." : ""));
  }
  const report::HeatMap alpha = alpha_map(space, experiment.prp);
  report::write_svg(layout.plot("alpha.svg"), report::render_svg(alpha));
  report::write_png_copy(layout.plot("alpha.svg"));
  page.add_svg(report::render_svg(alpha, {640, 400, false}),
               fmt::format("{} alpha steps, {} choices pruned.", experiment.prp.alpha_steps, experiment.prp.pruned));

  if (!experiment.sample_sweep.empty()) {
    report::Plot sweep{"PRP's front against the sample size S (same budget and seed)",
                       "S per alpha step (log scale)", "HV(front) / HV(true front)", {}, true};
    report::Series worst{"worst-cell ref.", {}, {}, report::Series::Style::kLine, ""};
    report::Series nadir{"near-front ref.", {}, {}, report::Series::Style::kLine, ""};
    for (const SampleSizePoint& p : experiment.sample_sweep) {
      worst.x.push_back(p.samples);
      worst.y.push_back(p.front_approximation);
      nadir.x.push_back(p.samples);
      nadir.y.push_back(p.front_approximation_nadir);
    }
    sweep.series = {worst, nadir};
    report::write_svg(layout.plot("sample_sweep.svg"), report::render_svg(sweep));
    report::write_png_copy(layout.plot("sample_sweep.svg"));
    page.add_svg(report::render_svg(sweep, {640, 400, false}),
                 fmt::format("HV(front) / HV(true front) with the reference point at the worst cell, and near the "
                             "true front. The run above used S = {}. Values: prp/sample_sweep.csv.",
                             options.prp.alpha.samples));
  }

  page.add_heading("PRP's front");
  std::vector<std::string> front_header = {"arch"};
  for (const auto& o : problem.objectives()) front_header.push_back(o.name);
  std::vector<std::vector<std::string>> front_rows;
  for (const auto& arch : experiment.methods.front().front) {
    std::vector<std::string> row = {space.format(arch)};
    for (double v : problem.values()[problem.enumeration().index(arch)]) row.push_back(fmt::format("{}", v));
    front_rows.push_back(std::move(row));
  }
  page.add_table(front_header, front_rows);
  page.add_heading("Command");
  page.add_preformatted(command);
  page.write(layout.report());
}

}  // namespace prpnas::eval
