// The latency table of a training run: the configured LUT, else the one the
// run measured into its directory, else (for `train`) a fresh measurement.
// `train` and `search` share it so that a search ranks by the costs the run
// was trained with.
#ifndef PRPNAS_RUN_RUN_LATENCY_H_
#define PRPNAS_RUN_RUN_LATENCY_H_

#include <string>

#include "prpnas/hw/latency_table.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/run/train_config.h"

namespace prpnas::run {

// Throws ConfigError when the table was timed on another network than
// `network`, or when there is none and measure_if_missing is false.
hw::LatencyTable run_latency_table(const TrainConfig& config, const nn::NetworkSpec& network,
                                   const std::string& run_dir, bool measure_if_missing);

// "" unless the run's LUT was timed on another network of its space
// (evaluation.lut_network = "space", e.g. a phone at 224x224): then one
// sentence saying whose accuracy and whose latency the fronts pair, for
// reports.
std::string cost_source_notice(const TrainConfig& config, const nn::NetworkSpec& network);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_RUN_LATENCY_H_
