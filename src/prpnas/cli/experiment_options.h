// What `prpnas experiment` was asked, and the printing both of its modes
// share: the tabular mode (experiment_tabular.cc) and the supernet mode
// (experiment_supernets.cc); experiment_command.cc declares the options.
#ifndef PRPNAS_CLI_EXPERIMENT_OPTIONS_H_
#define PRPNAS_CLI_EXPERIMENT_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "prpnas/eval/seed_summary.h"
#include "prpnas/pareto/bootstrap.h"

namespace prpnas::cli {

struct ExperimentOptions {
  bool tabular = false;
  std::string accuracy = "cifar10_test", accuracy_table = "data/nb201.csv.gz";
  std::vector<std::string> costs = {"c10_edgegpu_latency"};
  std::string cost_table = "data/hwnasbench_nb201.csv.gz";
  std::size_t budget = 1000;
  std::uint64_t seed = 0;
  std::string seeds;                // --seeds: "" = the one --seed
  std::vector<double> noise;        // tabular: PRP again with noisy accuracies
  std::string out;
  std::string config = "configs/default.toml";
  std::vector<std::string> methods = {"prp", "fairnas", "spos", "prp-no-pruning"};
  int jobs = 2;
  std::string device;  // "" = the config's
};

// A figure with 4 decimals, "-" when not finite.
std::string cell(double value);
// A figure with its interval (report::with_interval).
std::string with_interval(double value, const pareto::ConfidenceInterval& ci);
// The table of means and intervals over seeds of `metrics`, one row per method.
void print_seed_summary(const eval::SeedSummary& summary, const std::vector<eval::MetricSense>& metrics);

void run_tabular_experiment(const ExperimentOptions& o);
void run_supernet_experiment(const ExperimentOptions& o);

}  // namespace prpnas::cli

#endif  // PRPNAS_CLI_EXPERIMENT_OPTIONS_H_
