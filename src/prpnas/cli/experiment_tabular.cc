// `prpnas experiment --tabular`: PRP's alpha training, NSGA-II, random search
// and the additive surrogate on a tabular benchmark (NAS-Bench-201 accuracy +
// HW-NAS-Bench costs), each with --budget table queries; one seed or many.
#include <fmt/core.h>
#include <fmt/ranges.h>

#include "prpnas/cli/experiment_options.h"
#include "prpnas/eval/seed_report.h"
#include "prpnas/eval/tabular_experiment.h"
#include "prpnas/eval/tabular_report.h"
#include "prpnas/eval/tabular_seeds.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"
#include "prpnas/util/seed_list.h"

namespace prpnas::cli {
namespace {

// The command that repeats this experiment, every option spelled out.
std::string tabular_command(const ExperimentOptions& o) {
  std::string costs;
  for (const std::string& cost : o.costs) costs += " --cost " + cost;
  const std::string seeds = o.seeds.empty() ? fmt::format("--seed {}", o.seed) : "--seeds " + o.seeds;
  const std::string noise = o.noise.empty() ? "" : fmt::format(" --noise {}", fmt::join(o.noise, ","));
  return fmt::format("prpnas experiment --tabular --accuracy {} --accuracy-table {}{} --cost-table {} --budget {} "
                     "{}{} --out {}",
                     o.accuracy, o.accuracy_table, costs, o.cost_table, o.budget, seeds, noise, o.out);
}

}  // namespace

void run_tabular_experiment(const ExperimentOptions& o) {
  for (double sigma : o.noise) {
    if (!(sigma > 0)) throw ConfigError(fmt::format("--noise {}: a standard deviation must be > 0", sigma));
  }
  const std::vector<std::uint64_t> seeds = o.seeds.empty() ? std::vector<std::uint64_t>{}
                                                           : parse_seed_list(o.seeds, "--seeds");
  const space::Nb201Space space;
  std::vector<eval::TableColumn> columns = {{o.accuracy_table, {o.accuracy, pareto::Sense::kMaximize}}};
  for (const std::string& cost : o.costs) columns.push_back({o.cost_table, {cost, pareto::Sense::kMinimize}});
  const eval::TabularProblem problem(space, columns);
  eval::TabularExperimentOptions options;
  options.budget = o.budget;
  options.seed = o.seed;
  options.noise_levels = o.noise;
  std::string objectives = o.accuracy + " (max)";
  for (const std::string& cost : o.costs) objectives += ", " + cost + " (min)";
  if (!seeds.empty()) {
    const eval::SeedSummary summary = eval::run_tabular_seeds(space, problem, options, seeds, o.out, stderr);
    eval::SeedReportContext context{
        fmt::format("prpnas tabular experiment over {} seeds", seeds.size()),
        fmt::format("Objectives: {}. Budget: {} distinct table queries per method and seed. Judged against the "
                    "true front of the valid cells (every figure scaled to its range; reference point at its nadir "
                    "+ 10 % of the range; near hits within {} of that range).",
                    objectives, o.budget, pareto::kDefaultHitTolerance),
        tabular_command(o)};
    eval::write_seed_report(o.out, summary, eval::tabular_seed_metrics(), context);
    fmt::print("{}: {} vs {}, {} queries each, {} seeds\n", o.out, o.accuracy, fmt::join(o.costs, ", "), o.budget,
               seeds.size());
    print_seed_summary(summary, {{"hv_ratio", true}, {"igd_plus", false}, {"true_front_hits", true}});
    fmt::print("report: {}/report.html\n", o.out);
    return;
  }
  const eval::TabularExperiment experiment = eval::run_tabular_experiment(space, problem, options);
  eval::write_tabular_experiment(o.out, space, problem, options, experiment);
  eval::write_tabular_report(o.out, space, problem, options, experiment, tabular_command(o));
  fmt::print("{}: {} vs {}, {} queries each, true front {} of {} cells\n", o.out, o.accuracy,
             fmt::join(o.costs, ", "), o.budget, experiment.true_front.size(), problem.size());
  fmt::print("one seed: a single draw, no interval (use --seeds 0-19 for means and intervals)\n");
  fmt::print("{:<13} {:>8} {:>8} {:>8} {:>12} {:>13} {:>7} {:>10} {:>8}\n", "method", "hv_ratio", "igd_plus",
             "epsilon", "hits (near)", "kendall_tau_b", "queries", "front_size", "seconds");
  for (const auto& m : experiment.methods) {
    fmt::print("{:<13} {:>8} {:>8} {:>8} {:>12} {:>13} {:>7} {:>10} {:>8.2f}\n", m.method,
               cell(m.metrics.hypervolume_ratio), cell(m.metrics.igd_plus), cell(m.metrics.epsilon),
               fmt::format("{}/{} ({})", m.metrics.exact_hits, m.metrics.true_front_size, m.metrics.near_hits),
               cell(m.kendall_tau_b), m.queries, m.front.size(), m.seconds);
  }
  fmt::print("older figures (front_approximation, igd) in {}/results.csv\n", o.out);
  fmt::print("report: {}/report.html\n", o.out);
}

}  // namespace prpnas::cli
