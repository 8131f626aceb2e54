#include "prpnas/eval/experiment_seeds.h"

#include <fmt/core.h>

#include "prpnas/eval/experiment_layout.h"

namespace prpnas::eval {

const std::vector<MetricSense>& supernet_seed_metrics() {
  static const std::vector<MetricSense> metrics = {
      {"hv_ratio", true},        {"igd_plus", false},           {"epsilon", false},
      {"true_front_hits", true}, {"near_hits", true},           {"kendall_tau_b", true},
      {"kendall_tau_b_accuracy", true}, {"front_approximation", true}, {"front_approximation_nadir", true}};
  return metrics;
}

SeedSummary run_experiment_seeds(const data::DatasetSplits& data, const ExperimentInputs& inputs,
                                 const std::vector<std::uint64_t>& seeds, const std::string& dir,
                                 std::FILE* progress, std::vector<ExperimentOutcome>& outcomes) {
  const ExperimentLayout layout(dir);
  std::vector<std::vector<MethodOutcome>> trained_methods;
  std::vector<MethodOutcome> all;
  for (std::size_t k = 0; k < seeds.size(); ++k) {
    if (progress) fmt::print(progress, "experiment: seed {} ({}/{})\n", seeds[k], k + 1, seeds.size());
    ExperimentInputs seeded = inputs;
    seeded.training.seed = seeds[k];
    seeded.training.evaluation.seed = seeds[k];
    trained_methods.push_back(train_methods(data, seeded, layout.seed(seeds[k]), progress));
    all.insert(all.end(), trained_methods.back().begin(), trained_methods.back().end());
  }
  std::size_t trained = 0;
  const std::map<std::string, double> known = complete_ground_truth(inputs, all, layout.ground_truth(), progress, trained);
  std::vector<SeedResults> runs;
  outcomes.clear();
  for (std::size_t k = 0; k < seeds.size(); ++k) {
    const std::string seed_dir = layout.seed(seeds[k]);
    outcomes.push_back(judge_methods(trained_methods[k], known, trained, inputs, seed_dir));
    runs.push_back(read_seed_results(ExperimentLayout(seed_dir).results_csv(), seeds[k], supernet_seed_metrics()));
  }
  const SeedSummary summary = summarize_seeds(runs, supernet_seed_metrics());
  write_seed_summary(dir, summary);
  return summary;
}

}  // namespace prpnas::eval
