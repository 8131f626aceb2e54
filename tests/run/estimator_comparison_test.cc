#include "prpnas/run/estimator_comparison.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include "prpnas/hw/train_test_split.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::run {
namespace {

namespace fs = std::filesystem;

hw::MeasurementSetup example_setup() {
  hw::MeasurementSetup setup;
  setup.space = "nb201";
  setup.preset = "default";
  setup.network = {{"channels", 8}};
  setup.repeats = 5;
  setup.device = "test-cpu";
  return setup;
}

// A LUT with distinct entries: every architecture's estimate is a sum of them.
hw::LatencyTable example_lut() {
  hw::LatencyTable lut;
  lut.setup = example_setup();
  lut.fixed = {{"stem", {0.5, 0.01, 5}}, {"head", {0.25, 0.01, 5}}};
  lut.choice.assign(6, std::vector<hw::TimingSummary>(5));
  for (int d = 0; d < 6; ++d) {
    for (int c = 1; c < 5; ++c) lut.choice[d][c] = {0.1 * c + 0.013 * d * c, 0.001, 5};
  }
  return lut;
}

// `n` distinct architectures, measured as the LUT's estimate times a seeded
// factor in [1 - noise, 1 + noise].
hw::MeasuredLatency example_measured(const space::SearchSpace& space, const hw::LatencyTable& lut, int n,
                                     double noise) {
  hw::MeasuredLatency measured;
  measured.setup = example_setup();
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> factor(1 - noise, 1 + noise);
  const space::CostTable cost = lut.latency_ms();
  for (const auto& arch : space::distinct_sample(space, n, 3)) {
    measured.archs.push_back(space.format(arch));
    measured.latency.push_back({cost.cost(arch) * factor(rng), 0.001, 5});
  }
  return measured;
}

// O(n^2) tau-b: sum of sign products over the pairs, over the square root of
// (pairs untied in x) x (pairs untied in y). LUT estimates tie (sums of the
// same entries in another order).
double brute_force_tau(const std::vector<double>& x, const std::vector<double>& y) {
  auto sign = [](double v) { return (v > 0) - (v < 0); };
  double sum = 0, untied_x = 0, untied_y = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    for (std::size_t j = i + 1; j < x.size(); ++j) {
      const int sx = sign(x[i] - x[j]), sy = sign(y[i] - y[j]);
      sum += sx * sy;
      untied_x += sx != 0;
      untied_y += sy != 0;
    }
  }
  return sum / std::sqrt(untied_x * untied_y);
}

struct LutReference {
  double kendall = 0, mape = 0;
};

LutReference brute_force_lut_quality(const space::SearchSpace& space, const LatencyPair& pair,
                                     const std::vector<std::size_t>& rows) {
  std::vector<double> estimate, measured;
  double error = 0;
  const space::CostTable cost = pair.lut.latency_ms();
  for (std::size_t r : rows) {
    estimate.push_back(cost.cost(space.parse(pair.measured.archs[r])));
    measured.push_back(pair.measured.latency[r].median_ms);
    error += std::abs(estimate.back() - measured.back()) / measured.back();
  }
  return {brute_force_tau(estimate, measured), 100 * error / rows.size()};
}

class EstimatorComparisonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("prpnas_estcmp_" + std::string(test->name()) + "_" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  LatencyPair pair(int n, double noise) {
    LatencyPair p;
    p.lut_path = "lut.csv";
    p.measured_path = "measured.csv";
    p.lut = example_lut();
    p.measured = example_measured(space_, p.lut, n, noise);
    return p;
  }

  fs::path dir_;
  const space::Nb201Space space_;
};

TEST_F(EstimatorComparisonTest, ExactLutIsPerfect) {
  const EstimatorRow row = evaluate_lut(space_, pair(30, 0));
  EXPECT_EQ(row.name, "lut");
  EXPECT_EQ(row.architectures, 30u);
  EXPECT_NEAR(row.kendall_tau_b, 1, 1e-12);
  EXPECT_NEAR(row.spearman, 1, 1e-12);
  EXPECT_NEAR(row.mape, 0, 1e-9);
}

TEST_F(EstimatorComparisonTest, LutRowMatchesBruteForce) {
  const LatencyPair p = pair(50, 0.3);
  std::vector<std::size_t> all(50);
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  const LutReference ref = brute_force_lut_quality(space_, p, all);
  const EstimatorRow row = evaluate_lut(space_, p);
  EXPECT_NEAR(row.kendall_tau_b, ref.kendall, 1e-12);
  EXPECT_NEAR(row.mape, ref.mape, 1e-9);
  EXPECT_LT(row.kendall_tau_b, 1);  // the noise reorders some
}

TEST_F(EstimatorComparisonTest, CompareJudgesEveryEstimatorOnTheSameHeldOutPart) {
  const LatencyPair p = pair(60, 0.05);
  const EstimatorComparison c = compare_estimators(space_, p, 0.7, 4);
  const hw::TrainTestSplit split = hw::split_train_test(60, 0.7, 4);
  EXPECT_EQ(c.train, split.train.size());
  EXPECT_EQ(c.test, split.test.size());
  EXPECT_EQ(c.train + c.test, 60u);
  ASSERT_EQ(c.rows.size(), 3u);
  EXPECT_EQ(c.rows[0].name, "lut");
  EXPECT_EQ(c.rows[1].name, "xgboost");
  EXPECT_EQ(c.rows[2].name, "mlp");
  for (const EstimatorRow& row : c.rows) {
    EXPECT_EQ(row.architectures, c.test) << row.name;
    EXPECT_TRUE(std::isfinite(row.mape)) << row.name;
  }
  const LutReference ref = brute_force_lut_quality(space_, p, split.test);
  EXPECT_NEAR(c.rows[0].kendall_tau_b, ref.kendall, 1e-12);
  EXPECT_NEAR(c.rows[0].mape, ref.mape, 1e-9);
  // Same seed, same rows.
  const EstimatorComparison again = compare_estimators(space_, p, 0.7, 4);
  for (std::size_t i = 0; i < c.rows.size(); ++i) EXPECT_EQ(again.rows[i].kendall_tau_b, c.rows[i].kendall_tau_b);
}

TEST_F(EstimatorComparisonTest, CompareRefusesBadFractionsAndSmallFiles) {
  const LatencyPair p = pair(25, 0.1);
  EXPECT_THROW(compare_estimators(space_, p, 0, 1), ConfigError);
  EXPECT_THROW(compare_estimators(space_, p, 1, 1), ConfigError);
  try {
    compare_estimators(space_, p, 0.7, 1);  // 8 held out
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("measured.csv has 25 architectures"), std::string::npos) << e.what();
  }
}

TEST_F(EstimatorComparisonTest, ReadPairChecksComparabilityAndWarnsAboutDevices) {
  const std::string lut = (dir_ / "lut.csv").string(), measured = (dir_ / "m.csv").string();
  const LatencyPair p = pair(12, 0.1);
  hw::write_latency_table(lut, p.lut, space_);
  hw::MeasuredLatency other = p.measured;
  other.setup.device = "other-cpu";
  hw::write_measured_latency(measured, other);

  std::FILE* log = std::tmpfile();
  const LatencyPair back = read_latency_pair(lut, measured, space_, log);
  EXPECT_EQ(back.measured.archs, p.measured.archs);
  EXPECT_EQ(back.measured_path, measured);
  std::rewind(log);
  char line[512] = {};
  ASSERT_NE(std::fgets(line, sizeof line, log), nullptr);
  EXPECT_NE(std::string(line).find("warning"), std::string::npos) << line;
  std::fclose(log);

  other.setup.batch = 4;
  hw::write_measured_latency(measured, other);
  EXPECT_THROW(read_latency_pair(lut, measured, space_, nullptr), ConfigError);
}

}  // namespace
}  // namespace prpnas::run
