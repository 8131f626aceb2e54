#include "prpnas/pareto/kendall_interval.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

// n pairs from a bivariate normal with correlation rho.
void correlated_sample(std::size_t n, double rho, unsigned seed, std::vector<double>& x, std::vector<double>& y) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal;
  for (std::size_t i = 0; i < n; ++i) {
    const double a = normal(rng), b = normal(rng);
    x.push_back(a);
    y.push_back(rho * a + std::sqrt(1 - rho * rho) * b);
  }
}

TEST(KendallInterval, PerfectAgreementHasNoSpread) {
  std::vector<double> x, y;
  for (int i = 0; i < 50; ++i) {
    x.push_back(i);
    y.push_back(3.0 * i + 1);
  }
  const ConfidenceInterval ci = kendall_interval(x, y, {.resamples = 2000});
  EXPECT_DOUBLE_EQ(ci.estimate, 1);
  EXPECT_DOUBLE_EQ(ci.low, 1);  // resamples tie repeated cells; tau-b stays 1 up to rounding
  EXPECT_DOUBLE_EQ(ci.high, 1);
}

// For a bivariate normal, tau = 2/pi asin(rho) (Kruskal 1958); at n = 400
// its standard error is near 0.03, so the interval is about 0.12 wide.
TEST(KendallInterval, CoversTheKnownTauOfABivariateNormal) {
  std::vector<double> x, y;
  correlated_sample(400, 0.5, 3, x, y);
  const double tau = 2 / std::numbers::pi * std::asin(0.5);  // 1/3
  const ConfidenceInterval ci = kendall_interval(x, y, {.resamples = 4000, .seed = 9});
  EXPECT_DOUBLE_EQ(ci.estimate, kendall_tau_b(x, y));
  EXPECT_LT(ci.low, tau);
  EXPECT_GT(ci.high, tau);
  EXPECT_GT(ci.high - ci.low, 0.06);
  EXPECT_LT(ci.high - ci.low, 0.2);
}

// In one objective Pareto ranks are ordinal ranks, so without ties the
// Pareto-rank interval is the plain one, resample by resample.
TEST(KendallInterval, ParetoRanksOfOneObjectiveGiveThePlainInterval) {
  std::vector<double> x, y;
  correlated_sample(60, 0.3, 4, x, y);
  Points px, py;
  for (std::size_t i = 0; i < x.size(); ++i) {
    px.push_back({x[i]});
    py.push_back({y[i]});
  }
  const BootstrapOptions options{.resamples = 500, .seed = 2};
  const ConfidenceInterval plain = kendall_interval(x, y, options), pareto = pareto_rank_kendall_interval(px, py, options);
  EXPECT_DOUBLE_EQ(pareto.estimate, plain.estimate);
  EXPECT_DOUBLE_EQ(pareto.low, plain.low);
  EXPECT_DOUBLE_EQ(pareto.high, plain.high);
}

// Three cells: many resamples draw one cell thrice (tau undefined); they are
// left out, not fatal. A constant side has no tau at all.
TEST(KendallInterval, UndefinedResamplesAreLeftOutAndAnUndefinedTauIsNaN) {
  const ConfidenceInterval ci = kendall_interval({1, 2, 3}, {1, 2, 3}, {.resamples = 500});
  EXPECT_DOUBLE_EQ(ci.estimate, 1);
  EXPECT_DOUBLE_EQ(ci.low, 1);
  const ConfidenceInterval none = kendall_interval({1, 1, 1}, {1, 2, 3});
  EXPECT_TRUE(std::isnan(none.estimate));
  EXPECT_TRUE(std::isnan(none.low));
  EXPECT_TRUE(std::isnan(none.high));
}

TEST(KendallInterval, RefusesUnequalSides) {
  EXPECT_THROW(kendall_interval({1, 2, 3}, {1, 2}), DataError);
  EXPECT_THROW(pareto_rank_kendall_interval({{1}, {2}}, {{1}}), DataError);
}

}  // namespace
}  // namespace prpnas::pareto
