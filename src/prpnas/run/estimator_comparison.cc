#include "prpnas/run/estimator_comparison.h"

#include <initializer_list>
#include <utility>

#include <fmt/core.h>

#include "prpnas/hw/estimate_quality.h"
#include "prpnas/hw/mlp_predictor.h"
#include "prpnas/hw/train_test_split.h"
#include "prpnas/hw/xgboost_predictor.h"
#include "prpnas/util/error.h"

namespace prpnas::run {
namespace {

EstimatorRow estimator_row(std::string name, const std::vector<double>& estimate,
                           const std::vector<double>& measured) {
  const hw::EstimateQuality q = hw::compare_estimates(estimate, measured);
  return {std::move(name), estimate.size(), q.kendall_tau_b, q.spearman, q.mape};
}

std::vector<double> lut_estimates(const hw::LatencyTable& lut, const std::vector<space::Architecture>& archs) {
  const space::CostTable cost = lut.latency_ms();
  std::vector<double> estimate;
  for (const auto& arch : archs) estimate.push_back(cost.cost(arch));
  return estimate;
}

struct MeasuredPart {
  std::vector<space::Architecture> archs;
  std::vector<double> ms;
};

MeasuredPart measured_part(const space::SearchSpace& space, const hw::MeasuredLatency& measured,
                           const std::vector<std::size_t>& rows) {
  MeasuredPart part;
  for (std::size_t r : rows) {
    part.archs.push_back(space.parse(measured.archs[r]));
    part.ms.push_back(measured.latency[r].median_ms);
  }
  return part;
}

}  // namespace

LatencyPair read_latency_pair(const std::string& lut_path, const std::string& measured_path,
                              const space::SearchSpace& space, std::FILE* log) {
  LatencyPair pair{lut_path, measured_path, hw::read_latency_table(lut_path, space),
                   hw::read_measured_latency(measured_path, space)};
  hw::check_comparable(pair.lut.setup, lut_path, pair.measured.setup, measured_path);
  if (pair.lut.setup.device != pair.measured.setup.device && log) {
    fmt::print(log, "prpnas: warning: {} was measured on '{}', {} on '{}'\n", lut_path, pair.lut.setup.device,
               measured_path, pair.measured.setup.device);
  }
  return pair;
}

EstimatorRow evaluate_lut(const space::SearchSpace& space, const LatencyPair& pair) {
  std::vector<space::Architecture> archs;
  for (const std::string& arch : pair.measured.archs) archs.push_back(space.parse(arch));
  return estimator_row("lut", lut_estimates(pair.lut, archs), pair.measured.median_ms());
}

EstimatorComparison compare_estimators(const space::SearchSpace& space, const LatencyPair& pair,
                                       double train_fraction, std::uint64_t seed) {
  if (!(train_fraction > 0 && train_fraction < 1)) {
    throw ConfigError(fmt::format("--train-fraction {}: must be between 0 and 1", train_fraction));
  }
  const std::size_t n = pair.measured.archs.size();
  const hw::TrainTestSplit split = hw::split_train_test(n, train_fraction, seed);
  if (split.train.size() < 10 || split.test.size() < 10) {
    throw ConfigError(fmt::format("{} has {} architectures; comparing predictors needs at least 10 in each of the "
                                  "train and test parts (measure 200 or more)",
                                  pair.measured_path, n));
  }
  const MeasuredPart train = measured_part(space, pair.measured, split.train);
  const MeasuredPart test = measured_part(space, pair.measured, split.test);

  EstimatorComparison out;
  out.train = split.train.size();
  out.test = split.test.size();
  out.rows.push_back(estimator_row("lut", lut_estimates(pair.lut, test.archs), test.ms));
  hw::XgboostPredictor xgboost(space, seed);
  hw::MlpPredictor mlp(space, seed);
  for (hw::CostPredictor* predictor : std::initializer_list<hw::CostPredictor*>{&xgboost, &mlp}) {
    predictor->fit(train.archs, train.ms);
    out.rows.push_back(estimator_row(predictor->name(), predictor->predict_all(test.archs), test.ms));
  }
  return out;
}

}  // namespace prpnas::run
