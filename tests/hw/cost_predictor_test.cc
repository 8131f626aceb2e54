#include "prpnas/hw/cost_predictor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "prpnas/hw/estimate_quality.h"
#include "prpnas/hw/mlp_predictor.h"
#include "prpnas/hw/train_test_split.h"
#include "prpnas/hw/xgboost_predictor.h"
#include "prpnas/space/cost_table.h"
#include "prpnas/space/enumeration.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {
namespace {

using space::Architecture;

// NB201's architecture at index i.
Architecture predictor_arch(std::uint64_t i) {
  static const space::Nb201Space nb201;
  return space::Enumeration(nb201).at(i);
}

// Measured latencies of sampled NB201 cells, made up: an additive table
// (fixed 5 ms plus 0.1..2 ms per chosen op) times 1 +- 2% noise.
struct Synthetic {
  std::vector<Architecture> train, test;
  std::vector<double> train_y, test_y;
};

Synthetic synthetic_latency(const space::SearchSpace& s, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> entry(0.1, 2.0), noise(-0.02, 0.02);
  space::CostTable table;
  table.fixed = 5;
  for (int d = 0; d < s.num_decisions(); ++d) {
    table.choice.emplace_back();
    for (std::size_t c = 0; c < s.choices(d).size(); ++c) table.choice.back().push_back(entry(rng));
  }
  std::vector<Architecture> archs;
  std::vector<double> y;
  for (int i = 0; i < 500; ++i) {
    archs.push_back(space::sample_uniform(s, rng));
    y.push_back(table.cost(archs.back()) * (1 + noise(rng)));
  }
  const TrainTestSplit split = split_train_test(archs.size(), 0.6, seed);
  Synthetic out;
  for (std::size_t i : split.train) out.train.push_back(archs[i]), out.train_y.push_back(y[i]);
  for (std::size_t i : split.test) out.test.push_back(archs[i]), out.test_y.push_back(y[i]);
  return out;
}

std::unique_ptr<CostPredictor> make(const std::string& kind, const space::SearchSpace& s, std::uint64_t seed) {
  if (kind == "xgboost") return std::make_unique<XgboostPredictor>(s, seed);
  return std::make_unique<MlpPredictor>(s, seed);
}

class CostPredictorTest : public ::testing::TestWithParam<std::string> {
 protected:
  const space::Nb201Space space_;
};

// Measured here: Kendall tau 0.883 (xgboost) and 0.897 (mlp), MAPE 1.5% and
// 1.3%; the noise alone allows at most tau 0.926 (the table itself against
// the measurements). Over data seeds 2..6: tau 0.867-0.903, MAPE <= 2.1%.
TEST_P(CostPredictorTest, LearnsAnAdditiveLatency) {
  const Synthetic data = synthetic_latency(space_, 1);
  ASSERT_EQ(data.train.size(), 300u);
  ASSERT_EQ(data.test.size(), 200u);
  const auto predictor = make(GetParam(), space_, 0);
  EXPECT_EQ(predictor->name(), GetParam());
  predictor->fit(data.train, data.train_y);
  const EstimateQuality q = compare_estimates(predictor->predict_all(data.test), data.test_y);
  RecordProperty("kendall_tau_b", std::to_string(q.kendall_tau_b));
  RecordProperty("spearman", std::to_string(q.spearman));
  RecordProperty("mape", std::to_string(q.mape));
  EXPECT_GE(q.kendall_tau_b, 0.8) << "spearman " << q.spearman << " mape " << q.mape;
  EXPECT_LE(q.mape, 3.0) << "tau " << q.kendall_tau_b;
}

// The bar above is not met by any fit: targets that carry no information
// about the architecture give no ranking of held-out ones.
TEST_P(CostPredictorTest, NoiseTargetsGiveNoRanking) {
  const Synthetic data = synthetic_latency(space_, 1);
  std::mt19937_64 rng(99);
  std::uniform_real_distribution<double> noise(8.0, 14.0);
  std::vector<double> y;
  for (std::size_t i = 0; i < data.train.size(); ++i) y.push_back(noise(rng));
  const auto predictor = make(GetParam(), space_, 0);
  predictor->fit(data.train, y);
  const EstimateQuality q = compare_estimates(predictor->predict_all(data.test), data.test_y);
  RecordProperty("kendall_tau_b", std::to_string(q.kendall_tau_b));
  EXPECT_LT(std::abs(q.kendall_tau_b), 0.2);
}

TEST_P(CostPredictorTest, SameSeedSamePredictions) {
  const Synthetic data = synthetic_latency(space_, 2);
  const auto a = make(GetParam(), space_, 5), b = make(GetParam(), space_, 5);
  a->fit(data.train, data.train_y);
  b->fit(data.train, data.train_y);
  EXPECT_EQ(a->predict_all(data.test), b->predict_all(data.test));
  // Refitting starts over rather than continuing.
  a->fit(data.train, data.train_y);
  EXPECT_EQ(a->predict_all(data.test), b->predict_all(data.test));
}

TEST_P(CostPredictorTest, PredictIsPredictAllOfOne) {
  const Synthetic data = synthetic_latency(space_, 3);
  const auto predictor = make(GetParam(), space_, 0);
  predictor->fit(data.train, data.train_y);
  const std::vector<double> all = predictor->predict_all(data.test);
  for (std::size_t i = 0; i < 10; ++i) EXPECT_NEAR(predictor->predict(data.test[i]), all[i], 1e-6 * all[i]);
  EXPECT_TRUE(predictor->predict_all({}).empty());
}

TEST_P(CostPredictorTest, RejectsBadInput) {
  const auto predictor = make(GetParam(), space_, 0);
  EXPECT_THROW(predictor->predict(predictor_arch(0)), Error);
  EXPECT_THROW(predictor->fit({}, {}), Error);
  EXPECT_THROW(predictor->fit({predictor_arch(0)}, {1.0, 2.0}), Error);
  EXPECT_THROW(predictor->fit({predictor_arch(0)}, {std::numeric_limits<double>::quiet_NaN()}), Error);
  EXPECT_THROW(predictor->fit({{0, 1}}, {1.0}), ParseError);
  predictor->fit({predictor_arch(0), predictor_arch(1)}, {1.0, 2.0});
  EXPECT_THROW(predictor->predict({0, 0, 0, 0, 0, 9}), ParseError);
}

INSTANTIATE_TEST_SUITE_P(Both, CostPredictorTest, ::testing::Values("xgboost", "mlp"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(MlpPredictor, DifferentSeedsDifferentInitialisations) {
  const space::Nb201Space s;
  const Synthetic data = synthetic_latency(s, 2);
  MlpPredictor a(s, 1), b(s, 2);
  a.fit(data.train, data.train_y);
  b.fit(data.train, data.train_y);
  EXPECT_NE(a.predict_all(data.test), b.predict_all(data.test));
}

TEST(MlpPredictor, NeedsPositiveCosts) {
  const space::Nb201Space s;
  MlpPredictor predictor(s, 0);
  EXPECT_THROW(predictor.fit({predictor_arch(0), predictor_arch(1)}, {1.0, 0.0}), Error);
  EXPECT_THROW(predictor.fit({predictor_arch(0), predictor_arch(1)}, {1.0, -2.0}), Error);
}

TEST(MlpPredictor, ConstantCostsPredictThatConstant) {
  const space::Nb201Space s;
  MlpPredictor predictor(s, 0);
  predictor.fit({predictor_arch(0), predictor_arch(1), predictor_arch(2)}, {4.0, 4.0, 4.0});
  EXPECT_NEAR(predictor.predict(predictor_arch(3)), 4.0, 0.04);  // the net's output near 0, not exactly
}

// XGBoost's own errors arrive as prpnas::Error with its message.
TEST(XgboostPredictor, LibraryErrorsBecomeErrors) {
  const space::Nb201Space s;
  XgboostPredictor predictor(s, 0);
  try {
    // 1e300 is finite as a double, not as xgboost's float label.
    predictor.fit({predictor_arch(0), predictor_arch(1)}, {1.0, 1e300});
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("xgboost predictor: XGDMatrixSetFloatInfo failed:"), std::string::npos) << message;
    EXPECT_NE(message.find("Label contains NaN, infinity or a value too large"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << "one line, no stack trace: " << message;
  }
}

}  // namespace
}  // namespace prpnas::hw
