#include "prpnas/eval/tabular_seeds.h"

#include <chrono>

#include <fmt/core.h>

#include "prpnas/eval/experiment_layout.h"

namespace prpnas::eval {

const std::vector<MetricSense>& tabular_seed_metrics() {
  static const std::vector<MetricSense> metrics = {
      {"hv_ratio", true},       {"igd_plus", false},       {"epsilon", false},
      {"true_front_hits", true}, {"near_hits", true},      {"kendall_tau_b", true},
      {"front_approximation", true}, {"front_approximation_nadir", true}};
  return metrics;
}

SeedSummary run_tabular_seeds(const space::SearchSpace& space, const TabularProblem& problem,
                              TabularExperimentOptions options, const std::vector<std::uint64_t>& seeds,
                              const std::string& dir, std::FILE* progress) {
  const ExperimentLayout layout(dir);
  options.sample_sizes.clear();
  std::vector<SeedResults> runs;
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t k = 0; k < seeds.size(); ++k) {
    options.seed = seeds[k];
    const TabularExperiment experiment = run_tabular_experiment(space, problem, options);
    const std::string seed_dir = layout.seed(seeds[k]);
    write_tabular_experiment(seed_dir, space, problem, options, experiment);
    runs.push_back(read_seed_results(ExperimentLayout(seed_dir).results_csv(), seeds[k], tabular_seed_metrics()));
    if (progress) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      fmt::print(progress, "experiment: seed {} done ({}/{}, {:.1f} s)\n", seeds[k], k + 1, seeds.size(), seconds);
    }
  }
  const SeedSummary summary = summarize_seeds(runs, tabular_seed_metrics());
  write_seed_summary(dir, summary);
  return summary;
}

}  // namespace prpnas::eval
