#include "prpnas/eval/experiment_report.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <optional>
#include <utility>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "prpnas/eval/experiment_layout.h"
#include "prpnas/report/html_report.h"
#include "prpnas/report/png_copy.h"
#include "prpnas/report/svg_plot.h"
#include "prpnas/report/text.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/number_cell.h"

namespace prpnas::eval {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string kendall_text(double value, const pareto::ConfidenceInterval& ci) {
  return report::with_interval(value, ci.low, ci.high);
}

double number_or_nan(const std::string& cell) {
  if (cell.empty()) return kNaN;
  try {
    return std::stod(cell);
  } catch (const std::exception&) {
    return kNaN;
  }
}

// A method's log.csv as curves over path-images (Step 1's steps train 5
// paths each, every other step 1), so that methods with different step
// counts at one budget line up.
struct TrainingCurves {
  std::vector<double> images, kendall, kendall_alpha, hypervolume, alive, alive_images;
};

TrainingCurves read_curves(const std::string& path, int64_t batch_size) {
  TrainingCurves curves;
  if (!std::filesystem::exists(path)) return curves;
  const CsvTable log = read_csv(path);
  const std::size_t phase = log.column("phase"), kendall = log.column("kendall_supernet"),
                    alpha = log.column("kendall_alpha"), hv = log.column("hypervolume"),
                    alive = log.column("alive");
  double images = 0;
  for (const auto& row : log.rows) {
    images += static_cast<double>(batch_size) * (row[phase] == "fairness" ? 5 : 1);
    curves.alive_images.push_back(images);
    curves.alive.push_back(number_or_nan(row[alive]));
    if (row[kendall].empty() && row[hv].empty()) continue;  // not a judged step
    curves.images.push_back(images);
    curves.kendall.push_back(number_or_nan(row[kendall]));
    curves.kendall_alpha.push_back(number_or_nan(row[alpha]));
    curves.hypervolume.push_back(number_or_nan(row[hv]));
  }
  return curves;
}

report::Series line(std::string name, std::vector<double> x, std::vector<double> y) {
  return {std::move(name), std::move(x), std::move(y), report::Series::Style::kLine, ""};
}

// Accuracy (y) against the first cost (x) of the architectures at or above `floor` %.
report::Series true_values(std::string name, const ExperimentOutcome& outcome, const std::vector<std::string>& archs,
                           report::Series::Style style, double floor) {
  report::Series s{std::move(name), {}, {}, style, ""};
  for (const auto& arch : archs) {
    const auto it = outcome.known.find(arch);
    if (it == outcome.known.end() || it->second.test_accuracy < floor) continue;
    s.x.push_back(it->second.costs.front());
    s.y.push_back(it->second.test_accuracy);
  }
  return s;
}

// Architectures below half the best accuracy (cells without a path from
// input to output sit at chance) would squash the region where fronts differ.
double accuracy_floor(const ExperimentOutcome& outcome) {
  double best = 0;
  for (const auto& [arch, v] : outcome.known) best = std::max(best, v.test_accuracy);
  return best / 2;
}

// With more than one cost the plot is a projection on the first: fronts are
// drawn as points, since a staircase would claim 2-D dominance.
report::Plot fronts_plot(const ExperimentOutcome& outcome) {
  const double floor = accuracy_floor(outcome);
  const std::string& cost = outcome.cost_names.front();
  const auto front_style = outcome.cost_names.size() == 1 ? report::Series::Style::kStairs : report::Series::Style::kPoints;
  report::Plot plot{fmt::format("Fronts in true values (stand-alone test accuracy, {})", cost), cost,
                    fmt::format("test accuracy (%, stand-alone; >= {:.1f})", floor), {}, false};
  std::vector<std::string> all;
  for (const auto& [arch, values] : outcome.known) all.push_back(arch);
  plot.series.push_back(true_values("known architectures", outcome, all, report::Series::Style::kPoints, floor));
  plot.series.back().color = "#cccccc";
  plot.series.push_back(
      true_values("true front", outcome, outcome.true_front, front_style, floor));
  plot.series.back().color = "#000000";
  for (const auto& m : outcome.methods) {
    plot.series.push_back(true_values(m.method, outcome, m.front, front_style, floor));
  }
  return plot;
}

// One heat map per snapshot of alpha_history.csv (step,decision,choice,alpha,alive).
struct AlphaSnapshot {
  int64_t step = 0;
  report::HeatMap map;
};

std::vector<AlphaSnapshot> read_alpha_history(const std::string& path) {
  std::vector<AlphaSnapshot> snapshots;
  if (!std::filesystem::exists(path)) return snapshots;
  const CsvTable csv = read_csv(path);
  const std::size_t step = csv.column("step"), decision = csv.column("decision"), choice = csv.column("choice"),
                    alpha = csv.column("alpha"), alive = csv.column("alive");
  for (const auto& row : csv.rows) {
    const int64_t s = std::stoll(row[step]);
    if (snapshots.empty() || snapshots.back().step != s) snapshots.push_back({s, {}});
    report::HeatMap& map = snapshots.back().map;
    if (map.row_labels.empty() || map.row_labels.back() != row[decision]) {
      map.row_labels.push_back(row[decision]);
      map.values.emplace_back();
    }
    // Ragged spaces (chain: 2, 3, 3, 4 choices): the widest decision names
    // the columns, shorter rows are blank past their last choice.
    if (map.values.back().size() == map.column_labels.size()) map.column_labels.push_back(row[choice]);
    if (map.column_labels[map.values.back().size()] != row[choice]) {
      map.column_labels[map.values.back().size()] = "choice " + std::to_string(map.values.back().size());
    }
    map.values.back().push_back(row[alive] == "1" ? number_or_nan(row[alpha]) : kNaN);
  }
  for (auto& snapshot : snapshots) {
    for (auto& values : snapshot.map.values) values.resize(snapshot.map.column_labels.size(), kNaN);
  }
  return snapshots;
}

std::vector<std::vector<std::string>> front_rows(const ExperimentOutcome& outcome) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : outcome.methods) {
    for (const auto& arch : m.front) {
      const auto it = outcome.known.find(arch);
      const bool on_true_front =
          std::find(outcome.true_front.begin(), outcome.true_front.end(), arch) != outcome.true_front.end();
      std::vector<std::string> row = {m.method, arch};
      row.push_back(it == outcome.known.end() ? "" : number_cell(it->second.test_accuracy));
      for (std::size_t k = 0; k < outcome.cost_names.size(); ++k) {
        row.push_back(it == outcome.known.end() ? "" : number_cell(it->second.costs[k]));
      }
      row.push_back(on_true_front ? "yes" : "");
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

// "71.2 % test accuracy, latency_ms 3.1, energy_mj 46".
std::string describe(const ExperimentOutcome& outcome, const TrueValues& values) {
  std::string text = number_cell(values.test_accuracy) + " % test accuracy";
  for (std::size_t k = 0; k < outcome.cost_names.size(); ++k) {
    text += ", " + outcome.cost_names[k] + " " + number_cell(values.costs[k]);
  }
  return text;
}

void add_plot(report::HtmlReport& page, const std::string& dir, const std::string& name, const std::string& svg_file,
              const std::string& inline_svg, const std::string& caption) {
  const std::string path = ExperimentLayout(dir).plot(name);
  report::write_svg(path, svg_file);
  report::write_png_copy(path);
  page.add_svg(inline_svg, caption);
}

}  // namespace

void write_experiment_report(const std::string& dir, const ExperimentOutcome& outcome, const ReportContext& context) {
  const ExperimentLayout layout(dir);
  report::HtmlReport page("prpnas experiment");
  const int64_t images = outcome.methods.empty() ? 0 : outcome.methods.front().images;
  page.add_paragraph(fmt::format(
      "Methods trained at an equal budget of {} path-images each, then judged in true values on {} objectives: "
      "stand-alone test accuracy at the ground truth's fidelity and {} from the experiment's tables. {} "
      "architectures have a stand-alone result ({} trained for this experiment); the true front is the "
      "non-dominated {} of them. Reference point: {}; near-front reference point (valid cells): {}.",
      images, outcome.cost_names.size() + 1, fmt::join(outcome.cost_names, ", "), outcome.known.size(),
      outcome.trained_for_this_experiment, outcome.true_front.size(), describe(outcome, outcome.reference),
      describe(outcome, outcome.nadir_reference)));
  if (!context.notice.empty()) page.add_paragraph(context.notice);

  page.add_heading("Results");
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : outcome.methods) {
    rows.push_back({m.method, number_cell(m.metrics.hypervolume_ratio), number_cell(m.metrics.igd_plus),
                    number_cell(m.metrics.epsilon),
                    fmt::format("{}/{} ({})", m.metrics.exact_hits, m.metrics.true_front_size, m.metrics.near_hits),
                    kendall_text(m.kendall_tau_b, m.kendall_ci),
                    kendall_text(m.kendall_tau_b_accuracy, m.kendall_accuracy_ci),
                    fmt::format("{}/{}", m.front.size(), m.candidates), number_cell(m.front_approximation_nadir)});
  }
  page.add_table({"method", "hv_ratio", "igd_plus", "epsilon", "true-front hits (near)", "kendall_tau_b [95 % CI]",
                  "kendall_tau_b_accuracy [95 % CI]", "front / candidates", "front_approximation_nadir (old)"},
                 rows);
  page.add_paragraph(fmt::format(
      "One seed: a single draw (prpnas experiment --seeds gives means and intervals over seeds). Every method's "
      "front is the non-dominated set of the same {} uniform candidates under its own supernet's estimates; a "
      "'-alpha' row is the same run answering with alpha's front instead. 'cost-only' and 'random-estimates' "
      "are no methods but the floors: every accuracy estimate equal, so the front is the cheapest candidate (on "
      "every method's front too, the costs being exact) and the order the costs' order; or one random accuracy "
      "per architecture, drawn from the seed, which a supernet whose estimates are noise cannot beat but by "
      "luck. Judged against the true front of the "
      "valid known cells, every objective scaled to its range: hv_ratio = HV(front) / HV(true front) with the "
      "reference at its nadir + 10 % of the range; igd_plus: mean distance from each true-front point to the "
      "found front counting only where the found one is worse; epsilon: additive epsilon; hits: true-front "
      "architectures found, near: true-front points within {} of the range of a found point. "
      "kendall_tau_b: the supernet's Pareto ranks (shared-weight accuracy and the costs) against the ground "
      "truth's at the end of training (alpha rows: alpha's score P), with a 95 % bootstrap interval over the "
      "judged cells; kendall_tau_b_accuracy: shared-weight accuracy alone. The older figures "
      "(front_approximation, igd) are in results.csv.",
      outcome.methods.empty() ? 0 : outcome.methods.front().candidates, pareto::kDefaultHitTolerance));

  const report::Plot fronts = fronts_plot(outcome);
  add_plot(page, dir, "fronts.svg", report::render_svg(fronts), report::render_svg(fronts, {760, 480, false}),
           fmt::format("Each method's front (its final answer), in true values. Architectures below {:.1f} % "
                       "(half the best; cells near chance) are not drawn; the table at the end lists every front.",
                       accuracy_floor(outcome)));

  report::Plot kendall{"Kendall tau-b against the ground truth's Pareto ranks over training",
                       "path-images trained", "Kendall tau-b", {}, false};
  report::Plot hypervolume{"Hypervolume of the current front over training (estimated values)",
                           "path-images trained", "share of [0, 100 %] x [0, slowest] dominated", {}, false};
  std::optional<TrainingCurves> prp;
  for (const auto& m : outcome.methods) {
    if (m.run != m.method) continue;  // an alpha row: the same run as its method's
    const TrainingCurves c = read_curves(layout.run(m.method).log(), outcome.batch_size);
    if (c.images.empty()) continue;
    kendall.series.push_back(line(m.method, c.images, c.kendall));
    hypervolume.series.push_back(line(m.method, c.images, c.hypervolume));
    if (m.method == "prp") {
      prp = c;
      kendall.series.push_back(line("prp: score P from alpha", c.images, c.kendall_alpha));
    }
  }
  if (!kendall.series.empty()) {
    add_plot(page, dir, "kendall.svg", report::render_svg(kendall), report::render_svg(kendall, {760, 400, false}),
             "Judged at evaluation.every steps and at phase ends, on the configured ground truth.");
    add_plot(page, dir, "hypervolume.svg", report::render_svg(hypervolume),
             report::render_svg(hypervolume, {760, 400, false}),
             "PRP's current front comes from alpha in Step 2; a baseline's is the non-dominated among the ground "
             "truth's architectures, estimated with shared weights.");
  }

  std::vector<AlphaSnapshot> alpha = read_alpha_history(layout.run("prp").alpha_history());
  if (!alpha.empty()) {
    page.add_heading("PRP's alpha through Step 2");
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const auto& s : alpha) {
      for (const auto& row : s.map.values) {
        for (double v : row) {
          if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
        }
      }
    }
    const std::pair<const char*, std::size_t> picks[] = {
        {"start", 0}, {"middle", alpha.size() / 2}, {"end", alpha.size() - 1}};
    for (const auto& [name, index] : picks) {
      report::HeatMap map = alpha[index].map;
      map.title = fmt::format("alpha at the {} of Step 2 (step {}; blank = pruned)", name, alpha[index].step);
      map.scale_min = lo;
      map.scale_max = hi;
      add_plot(page, dir, fmt::format("alpha_{}.svg", name), report::render_svg(map),
               report::render_svg(map, {640, 360, false}), "");
    }
  }
  if (prp) {
    report::Plot pruning{"Pruning timeline: alive choices over PRP's training", "path-images trained",
                         "alive choices", {line("prp", prp->alive_images, prp->alive)}, false};
    add_plot(page, dir, "pruning.svg", report::render_svg(pruning), report::render_svg(pruning, {760, 320, false}),
             "");
    const std::string mask_path = layout.run("prp").mask();
    if (std::filesystem::exists(mask_path)) {
      const CsvTable mask = read_csv(mask_path);
      std::vector<std::vector<std::string>> pruned;
      for (const auto& row : mask.rows) {
        if (row[mask.column("alive")] == "0") {
          pruned.push_back({row[mask.column("decision")], row[mask.column("choice")],
                            row[mask.column("pruned_at_step")]});
        }
      }
      if (!pruned.empty()) page.add_table({"decision", "choice", "pruned_at_step"}, pruned);
    }
  }

  page.add_heading("The fronts' architectures");
  std::vector<std::string> front_header = {"method", "arch", "test_accuracy"};
  front_header.insert(front_header.end(), outcome.cost_names.begin(), outcome.cost_names.end());
  front_header.push_back("on_true_front");
  page.add_table(front_header, front_rows(outcome));
  page.add_heading("Command");
  page.add_preformatted(context.command);
  page.add_heading("Configuration");
  page.add_preformatted(context.config);
  if (!context.machine.empty()) {
    page.add_heading("Machine (where the latency table was measured)");
    page.add_preformatted(context.machine);
  }
  page.write(layout.report());
}

}  // namespace prpnas::eval
