#include "prpnas/pareto/paired_test.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

// Hollander & Wolfe (1973), p. 29: Hamilton depression scale factor IV of 9
// patients at the first (x) and second (y) visit. R's ?wilcox.test runs
// wilcox.test(x, y, paired = TRUE, alternative = "greater"): V = 40,
// p = 0.01953 (= 10/512); the two-sided p is twice that, 0.0390625.
const std::vector<double> kDepressionFirst = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
const std::vector<double> kDepressionSecond = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

// Two-sided binomial p from Pascal's triangle (exact in doubles up to n = 50).
double binomial_p_by_pascal(std::size_t n, std::size_t k) {
  std::vector<double> row = {1};
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> next(row.size() + 1, 0);
    for (std::size_t j = 0; j < row.size(); ++j) next[j] += row[j], next[j + 1] += row[j];
    row = next;
  }
  double tail = 0;
  for (std::size_t i = 0; i <= std::min(k, n - k); ++i) tail += row[i];
  return std::min(1.0, 2 * tail / std::pow(2.0, static_cast<double>(n)));
}

// Two-sided exact Wilcoxon p by trying all 2^n sign patterns over ranks 1..n.
double wilcoxon_p_by_enumeration(std::size_t n, double w_plus) {
  std::uint64_t at_most = 0, at_least = 0;
  for (std::uint64_t signs = 0; signs < (std::uint64_t{1} << n); ++signs) {
    double sum = 0;
    for (std::size_t r = 1; r <= n; ++r) {
      if (signs >> (r - 1) & 1) sum += static_cast<double>(r);
    }
    at_most += sum <= w_plus, at_least += sum >= w_plus;
  }
  return std::min(1.0, 2 * static_cast<double>(std::min(at_most, at_least)) / std::pow(2.0, static_cast<double>(n)));
}

TEST(SignTest, NineOfTenPositiveHasTheBinomialP) {
  // P(X >= 9) = 11/1024 for X ~ Binomial(10, 1/2); two-sided 22/1024.
  const std::vector<double> x = {2, 3, 4, 5, 6, 7, 8, 9, 10, 0};
  const std::vector<double> y = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  const PairedTestResult r = sign_test(x, y);
  EXPECT_EQ(r.statistic, 9);
  EXPECT_EQ(r.n, 10u);
  EXPECT_NEAR(r.p_value, 0.021484375, 1e-14);
  EXPECT_EQ(r.method, PValueMethod::kExact);
  // The same pairs the other way round: 1 positive, the same p.
  EXPECT_EQ(sign_test(y, x).statistic, 1);
  EXPECT_NEAR(sign_test(y, x).p_value, 0.021484375, 1e-14);
}

TEST(SignTest, DropsZeroDifferences) {
  // 5 of 5 positive once the 3 ties are dropped: 2 / 32.
  const PairedTestResult r = sign_test({1, 2, 3, 4, 5, 7, 7, 7}, {0, 0, 0, 0, 0, 7, 7, 7});
  EXPECT_EQ(r.n, 5u);
  EXPECT_EQ(r.statistic, 5);
  EXPECT_NEAR(r.p_value, 0.0625, 1e-14);
}

TEST(SignTest, DepressionDataHasSevenOfNinePositive) {
  // 2 (1 + 9 + 36) / 512, the p of DescTools' SignTest(x, y) on these data.
  const PairedTestResult r = sign_test(kDepressionFirst, kDepressionSecond);
  EXPECT_EQ(r.statistic, 7);
  EXPECT_NEAR(r.p_value, 92.0 / 512, 1e-14);
}

TEST(SignTest, MatchesTheBinomialForEveryCount) {
  for (std::size_t n = 1; n <= 40; n += 3) {
    for (std::size_t k = 0; k <= n; ++k) {
      std::vector<double> x(n, -1.0), y(n, 0.0);
      std::fill(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(k), 1.0);
      const PairedTestResult r = sign_test(x, y);
      EXPECT_EQ(r.statistic, static_cast<double>(k));
      EXPECT_NEAR(r.p_value, binomial_p_by_pascal(n, k), 1e-12) << "n=" << n << " k=" << k;
    }
  }
  EXPECT_EQ(sign_test({1, -1}, {0, 0}).p_value, 1);  // balanced: the tails overlap
}

TEST(Wilcoxon, DepressionDataMatchesRsExactResult) {
  // Ranks of |d|: 0.01 (+) 1, 0.08 (-) 2, 0.147 (-) 3, then six positives 4..9:
  // W+ = 40, W- = 5; 10 of the 512 sign patterns have W- <= 5.
  const PairedTestResult r = wilcoxon_signed_rank(kDepressionFirst, kDepressionSecond);
  EXPECT_EQ(r.statistic, 40);
  EXPECT_EQ(r.n, 9u);
  EXPECT_EQ(r.method, PValueMethod::kExact);
  EXPECT_NEAR(r.p_value, 0.0390625, 1e-15);
}

TEST(Wilcoxon, WikipediaExampleUsesTheNormalApproximationForItsTies) {
  // The 10-pair example of Wikipedia's "Wilcoxon signed-rank test" article:
  // one zero difference dropped, |d| = 5 twice (ranks 1.5), W = W+ - W- =
  // 27 - 18 = 9 as the article gives. Normal approximation, as R's
  // wilcox.test(exact = FALSE) computes it: mean 22.5, variance
  // 9*10*19/24 - (2^3 - 2)/48 = 71.125, z = (4.5 - 0.5)/sqrt(71.125) = 0.4743,
  // p = 0.63529.
  const std::vector<double> after = {125, 115, 130, 140, 140, 115, 140, 125, 140, 135};
  const std::vector<double> before = {110, 122, 125, 120, 140, 124, 123, 137, 135, 145};
  const PairedTestResult r = wilcoxon_signed_rank(after, before);
  EXPECT_EQ(r.statistic, 27);
  EXPECT_EQ(r.n, 9u);
  EXPECT_EQ(r.method, PValueMethod::kNormal);
  EXPECT_NEAR(r.p_value, 0.6352893188352069, 1e-12);
}

TEST(Wilcoxon, TiesShareTheirAverageRankAndShrinkTheVariance) {
  // Differences 11, 4, 3, -2, 13, 2, 7, 4, 3, -3, 12: tie groups {2, 2},
  // {3, 3, 3}, {4, 4}; W+ = 60.5, W- = 5.5. Mean 33, variance
  // 11*12*23/24 - (6 + 24 + 6)/48 = 125.75, z = 27/sqrt(125.75).
  const std::vector<double> d = {11, 4, 3, -2, 13, 2, 7, 4, 3, -3, 12};
  const PairedTestResult r = wilcoxon_signed_rank(d, std::vector<double>(d.size(), 0));
  EXPECT_EQ(r.statistic, 60.5);
  EXPECT_EQ(r.method, PValueMethod::kNormal);
  EXPECT_NEAR(r.p_value, std::erfc(27 / std::sqrt(125.75) / std::sqrt(2.0)), 1e-12);
  EXPECT_NEAR(r.p_value, 0.0160516, 1e-6);
}

TEST(Wilcoxon, ExactPMatchesEnumerationOfEverySignPattern) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> magnitude(0.1, 10);
  std::bernoulli_distribution positive(0.6);
  for (std::size_t n = 1; n <= 14; ++n) {
    for (int trial = 0; trial < 5; ++trial) {
      std::vector<double> x(n), y(n, 0);
      for (double& v : x) v = positive(rng) ? magnitude(rng) : -magnitude(rng);
      // W+ by sorting: the rank of |x_i| is 1 + the number of smaller magnitudes.
      double w_plus = 0;
      for (std::size_t i = 0; i < n; ++i) {
        std::size_t smaller = 0;
        for (double v : x) smaller += std::abs(v) < std::abs(x[i]);
        if (x[i] > 0) w_plus += static_cast<double>(smaller + 1);
      }
      const PairedTestResult r = wilcoxon_signed_rank(x, y);
      EXPECT_EQ(r.statistic, w_plus);
      EXPECT_EQ(r.method, PValueMethod::kExact);
      EXPECT_NEAR(r.p_value, wilcoxon_p_by_enumeration(n, w_plus), 1e-14) << "n=" << n;
    }
  }
}

TEST(Wilcoxon, ExactUpToThirtyUntiedDifferencesThenNormal) {
  std::vector<double> x;
  for (int i = 1; i <= 31; ++i) x.push_back(i % 3 == 0 ? -i : i);
  const std::vector<double> zeros(31, 0);
  const std::vector<double> first_30(x.begin(), x.begin() + 30);
  EXPECT_EQ(wilcoxon_signed_rank(first_30, {zeros.begin(), zeros.begin() + 30}).method, PValueMethod::kExact);
  const PairedTestResult large = wilcoxon_signed_rank(x, zeros);
  EXPECT_EQ(large.method, PValueMethod::kNormal);
  // Near the limit the two agree closely: compare n = 30 exact with its normal value.
  const PairedTestResult exact = wilcoxon_signed_rank(first_30, {zeros.begin(), zeros.begin() + 30});
  const double z = (std::abs(exact.statistic - 30 * 31 / 4.0) - 0.5) / std::sqrt(30 * 31 * 61 / 24.0);
  EXPECT_NEAR(exact.p_value, std::erfc(z / std::sqrt(2.0)), 0.005);
  // One tie is enough to leave the exact distribution.
  EXPECT_EQ(wilcoxon_signed_rank({1, 2, 2, -3}, {0, 0, 0, 0}).method, PValueMethod::kNormal);
}

TEST(Wilcoxon, SwappingTheSidesMirrorsTheStatistic) {
  const PairedTestResult forward = wilcoxon_signed_rank(kDepressionFirst, kDepressionSecond);
  const PairedTestResult backward = wilcoxon_signed_rank(kDepressionSecond, kDepressionFirst);
  EXPECT_EQ(backward.statistic, 9 * 10 / 2 - forward.statistic);
  EXPECT_NEAR(backward.p_value, forward.p_value, 1e-15);
}

TEST(PairedTest, NoNonZeroDifferenceGivesNoEvidence) {
  for (const auto& test : {sign_test, wilcoxon_signed_rank}) {
    const PairedTestResult r = test({1, 2, 3}, {1, 2, 3});
    EXPECT_EQ(r.n, 0u);
    EXPECT_EQ(r.statistic, 0);
    EXPECT_EQ(r.p_value, 1);
  }
}

TEST(PairedTest, RefusesPairsItCannotForm) {
  for (const auto& test : {sign_test, wilcoxon_signed_rank}) {
    EXPECT_THROW(test({}, {}), ConfigError);
    EXPECT_THROW(test({1, 2}, {1}), DataError);
    EXPECT_THROW(test({1, std::nan("")}, {0, 0}), DataError);
    EXPECT_THROW(test({HUGE_VAL}, {HUGE_VAL}), DataError);  // inf - inf
  }
}

}  // namespace
}  // namespace prpnas::pareto
