// The TOML configuration of `prpnas train` and `experiment --config`
// (configs/default.toml is the default): every field has a default, an
// unknown key is an error (a typo must not silently train something else),
// and the effective configuration
// -- every field, defaults included -- is what a run directory records and
// compares on resume. Keys and defaults: docs/CLI.md.
#ifndef PRPNAS_RUN_TRAIN_CONFIG_H_
#define PRPNAS_RUN_TRAIN_CONFIG_H_

#include <cstdint>
#include <string>
#include <vector>

#include "prpnas/data/image_dataset.h"
#include "prpnas/train/training_plan.h"

namespace prpnas::run {

struct TrainConfig {
  std::string method = "prp";
  int threads = 1;
  std::string device = "cpu";  // cpu, cuda or cuda:N (nn/device.h); parsed into training.device
  std::string space = "nb201";
  std::string preset = "default";
  // accuracy:max first, then the costs the run ranks by (kKnownCosts).
  std::vector<std::string> objectives = {"accuracy:max", "latency_ms:min"};
  data::DatasetOptions data;
  train::TrainingOptions training;
  std::string truth = "data/ground_truth/25k/nb201_fashion-mnist.csv";  // "" = no Kendall columns
  int64_t truth_limit = 0;  // judge on the truth's first rows only; 0 = all
  std::string lut;         // "" = measure one into the run directory
  // "run": the LUT must be timed on this run's network; "space": on any
  // network of the run's space, e.g. a phone's table at 224x224 for a
  // supernet trained at 28x28 (the decisions are the same, the costs are the
  // device's).
  std::string lut_network = "run";
  std::string rank_table;  // "" = rank Step 2's samples with the supernet after Step 1
};

// The costs an objectives list may name: latency_ms and energy_mj from the
// run's LUT, params and flops counted on the network (NB201).
inline const std::vector<std::string> kKnownCosts = {"latency_ms", "energy_mj", "params", "flops"};

// Reads `path` (empty: all defaults); a non-empty `method`, `space` or
// `device` overrides the file's. Throws ConfigError naming the file, line or
// key and the fix (also for a cuda device this libtorch cannot use).
TrainConfig read_train_config(const std::string& path, const std::string& method, const std::string& space = "",
                              const std::string& device = "");

// Every field as TOML, in a fixed order.
std::string effective_config(const TrainConfig& config);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_TRAIN_CONFIG_H_
