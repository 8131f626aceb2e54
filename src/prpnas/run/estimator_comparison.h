// How well latency estimators match latency measured end to end: the LUT of
// `lut measure` against `latency measure`'s file (`prpnas lut eval`), and the
// LUT, XGBoost and MLP predictors on a held-out part (`prpnas lut compare`).
#ifndef PRPNAS_RUN_ESTIMATOR_COMPARISON_H_
#define PRPNAS_RUN_ESTIMATOR_COMPARISON_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "prpnas/hw/latency_table.h"
#include "prpnas/hw/measured_latency.h"
#include "prpnas/space/search_space.h"

namespace prpnas::run {

// A LUT and measured latencies of the same network timed the same way.
struct LatencyPair {
  std::string lut_path, measured_path;
  hw::LatencyTable lut;
  hw::MeasuredLatency measured;
};

// Reads both files; throws as hw::read_latency_table, hw::read_measured_latency
// and hw::check_comparable do. Measurements on different devices are allowed,
// with a warning to `log` (may be null).
LatencyPair read_latency_pair(const std::string& lut_path, const std::string& measured_path,
                              const space::SearchSpace& space, std::FILE* log);

// One estimator judged against measured latency (hw::compare_estimates).
struct EstimatorRow {
  std::string name;  // "lut", "xgboost", "mlp"
  std::size_t architectures = 0;
  double kendall_tau_b = 0, spearman = 0;
  double mape = 0;  // %
};

// The LUT's estimate of every measured architecture.
EstimatorRow evaluate_lut(const space::SearchSpace& space, const LatencyPair& pair);

struct EstimatorComparison {
  std::vector<EstimatorRow> rows;  // lut, xgboost, mlp
  std::size_t train = 0, test = 0;  // architectures the predictors learn from / every row is judged on
};

// hw::split_train_test(measured, train_fraction, seed); the predictors (seeded
// with `seed`) learn from the train part; every estimator is judged on the
// same test part. Throws ConfigError unless 0 < train_fraction < 1 and each
// part holds at least 10 architectures.
EstimatorComparison compare_estimators(const space::SearchSpace& space, const LatencyPair& pair,
                                       double train_fraction, std::uint64_t seed);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_ESTIMATOR_COMPARISON_H_
