#include "prpnas/hw/estimate_quality.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {
namespace {

TEST(EstimateQuality, MapeByHand) {
  // |1.1-1|/1 = 10%, |1.5-2|/2 = 25%, |4-4|/4 = 0%: mean 35/3 %.
  EXPECT_NEAR(mape({1.1, 1.5, 4.0}, {1.0, 2.0, 4.0}), 35.0 / 3, 1e-12);
  EXPECT_DOUBLE_EQ(mape({3.0}, {3.0}), 0.0);
  // Not symmetric: the measurement is the denominator.
  EXPECT_DOUBLE_EQ(mape({2.0}, {1.0}), 100.0);
  EXPECT_DOUBLE_EQ(mape({1.0}, {2.0}), 50.0);
}

TEST(EstimateQuality, MapeRejectsBadInput) {
  EXPECT_THROW(mape({1.0, 2.0}, {1.0, 0.0}), Error);
  EXPECT_THROW(mape({1.0}, {-1.0}), Error);
  EXPECT_THROW(mape({1.0, 2.0}, {1.0}), Error);
  EXPECT_THROW(mape({}, {}), Error);
  EXPECT_THROW(mape({std::numeric_limits<double>::quiet_NaN()}, {1.0}), Error);
  EXPECT_THROW(mape({1.0}, {std::numeric_limits<double>::infinity()}), Error);
  try {
    mape({1.0, 2.0}, {1.0, 0.0});
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("actual[1]"), std::string::npos) << e.what();
  }
}

TEST(EstimateQuality, CompareEqualsTheDirectStatistics) {
  const std::vector<double> estimate = {1.0, 2.5, 2.0, 4.0, 3.0, 3.0, 7.0};
  const std::vector<double> measured = {1.2, 2.0, 2.4, 3.9, 3.5, 2.9, 6.0};
  const EstimateQuality q = compare_estimates(estimate, measured);
  EXPECT_EQ(q.kendall_tau_b, pareto::kendall_tau_b(estimate, measured));
  EXPECT_EQ(q.spearman, pareto::spearman_rho(estimate, measured));
  EXPECT_EQ(q.mape, mape(estimate, measured));
  EXPECT_GT(q.kendall_tau_b, 0.5);
  EXPECT_LT(q.kendall_tau_b, 1.0);
}

TEST(EstimateQuality, PerfectEstimate) {
  const std::vector<double> measured = {3.0, 1.0, 2.0, 5.0};
  const EstimateQuality q = compare_estimates(measured, measured);
  EXPECT_DOUBLE_EQ(q.kendall_tau_b, 1.0);
  EXPECT_DOUBLE_EQ(q.spearman, 1.0);
  EXPECT_DOUBLE_EQ(q.mape, 0.0);
}

TEST(EstimateQuality, CompareThrowsOnZeroMeasurement) {
  EXPECT_THROW(compare_estimates({1.0, 2.0}, {1.0, 0.0}), Error);
  EXPECT_THROW(compare_estimates({1.0, 2.0, 3.0}, {1.0, 2.0}), Error);
}

TEST(EstimateQuality, CorrelationsUndefinedForOneValue) {
  const EstimateQuality q = compare_estimates({2.0}, {1.0});
  EXPECT_TRUE(std::isnan(q.kendall_tau_b));
  EXPECT_TRUE(std::isnan(q.spearman));
  EXPECT_DOUBLE_EQ(q.mape, 100.0);
}

}  // namespace
}  // namespace prpnas::hw
