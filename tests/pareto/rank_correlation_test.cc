#include "prpnas/pareto/rank_correlation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

constexpr double kTol = 1e-12;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// O(n^2) tau-b straight from the definition: classify every pair.
double brute_tau_b(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = x.size();
  if (n < 2) return kNaN;
  std::int64_t concordant = 0, discordant = 0, tied_x = 0, tied_y = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const double dx = x[i] - x[j];
      const double dy = y[i] - y[j];
      if (dx == 0) ++tied_x;
      if (dy == 0) ++tied_y;
      if (dx * dy > 0) ++concordant;
      if (dx * dy < 0) ++discordant;
    }
  }
  const std::int64_t pairs = static_cast<std::int64_t>(n * (n - 1) / 2);
  if (pairs == tied_x || pairs == tied_y) return kNaN;
  return static_cast<double>(concordant - discordant) /
         std::sqrt(static_cast<double>(pairs - tied_x) * static_cast<double>(pairs - tied_y));
}

// O(n^2) average rank: 1 + (values below) + (other equal values) / 2.
std::vector<double> brute_ranks(const std::vector<double>& v) {
  std::vector<double> ranks(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    double below = 0, equal = 0;
    for (std::size_t j = 0; j < v.size(); ++j) {
      if (v[j] < v[i]) ++below;
      if (j != i && v[j] == v[i]) ++equal;
    }
    ranks[i] = 1 + below + equal / 2;
  }
  return ranks;
}

// Textbook Pearson with means taken from the data.
double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  double ma = 0, mb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  if (a.size() < 2 || saa == 0 || sbb == 0) return kNaN;
  return sab / std::sqrt(saa * sbb);
}

std::vector<double> random_ints(std::mt19937& rng, std::size_t n, int max) {
  std::uniform_int_distribution<int> dist(0, max);
  std::vector<double> v(n);
  for (auto& value : v) value = dist(rng);
  return v;
}

// Both NaN, or both numbers within kTol.
void expect_same(double expected, double actual) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(std::isnan(actual)) << actual;
  } else {
    EXPECT_NEAR(expected, actual, kTol);
  }
}

// Runs f, expects a prpnas::Error whose message contains `needle`.
template <typename F>
void expect_error_mentioning(F f, const std::string& needle) {
  try {
    f();
    ADD_FAILURE() << "no Error thrown";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
}

// Sizes for the randomized comparisons: every tiny n, then a few larger ones.
std::vector<std::size_t> random_sizes() {
  std::vector<std::size_t> sizes;
  for (std::size_t n = 2; n <= 40; ++n) sizes.push_back(n);
  for (std::size_t n : {63, 64, 65, 100, 127, 128, 129, 250, 500}) sizes.push_back(n);
  return sizes;
}

TEST(KendallTauBTest, HandComputedTies) {
  // x=[1,2,2,3], y=[1,3,2,3]. Pairs (i,j):
  //   (0,1) C  (0,2) C  (0,3) C  (1,2) tied in x  (1,3) tied in y  (2,3) C
  // C=4, D=0, n0=6, n1=1, n2=1, n3=0:  tau_b = 4 / sqrt(5*5) = 0.8.
  EXPECT_NEAR(kendall_tau_b({1, 2, 2, 3}, {1, 3, 2, 3}), 0.8, kTol);
}

TEST(KendallTauBTest, HandComputedTiesInBoth) {
  // x=[1,1,2,2,3], y=[1,1,2,1,0]. Pairs (i,j):
  //   (0,1) tied in both   (0,2) C  (0,3) tied in y  (0,4) D
  //   (1,2) C  (1,3) tied in y  (1,4) D  (2,3) tied in x  (2,4) D  (3,4) D
  // C=2, D=4, n0=10, n1=2, n2=3 (the three 1s in y), n3=1:
  //   tau_b = (10-2-3+1-2*4) / sqrt(8*7) = -2 / sqrt(56).
  EXPECT_NEAR(kendall_tau_b({1, 1, 2, 2, 3}, {1, 1, 2, 1, 0}), -2 / std::sqrt(56.0), kTol);
}

TEST(KendallTauBTest, ScipyDocumentationExample) {
  // scipy.stats.kendalltau docs. By hand: C=2, D=6, n0=10, n1=2 (12s, 2s),
  // n2=1 (1s), n3=1 -> -4 / sqrt(8*9).
  EXPECT_NEAR(kendall_tau_b({12, 2, 1, 12, 2}, {1, 4, 7, 1, 0}), -0.47140452079103173, kTol);
}

TEST(KendallTauBTest, PerfectAgreementAndReversal) {
  const std::vector<double> x = {1, 2, 3, 4, 5, 6};
  EXPECT_DOUBLE_EQ(kendall_tau_b(x, {10, 20, 30, 40, 50, 60}), 1.0);
  EXPECT_DOUBLE_EQ(kendall_tau_b(x, {6, 5, 4, 3, 2, 1}), -1.0);
  // Identical tie patterns still agree perfectly.
  EXPECT_DOUBLE_EQ(kendall_tau_b({1, 1, 2, 3, 3}, {0, 0, 5, 7, 7}), 1.0);
  EXPECT_DOUBLE_EQ(kendall_tau_b({1, 1, 2, 3, 3}, {7, 7, 5, 0, 0}), -1.0);
}

TEST(KendallTauBTest, UndefinedGivesNaN) {
  EXPECT_TRUE(std::isnan(kendall_tau_b({}, {})));
  EXPECT_TRUE(std::isnan(kendall_tau_b({1}, {2})));
  EXPECT_TRUE(std::isnan(kendall_tau_b({3, 3, 3}, {1, 2, 3})));
  EXPECT_TRUE(std::isnan(kendall_tau_b({1, 2, 3}, {4, 4, 4})));
}

TEST(KendallTauBTest, RejectsMismatchedSizesAndNaN) {
  EXPECT_THROW(kendall_tau_b({1, 2, 3}, {1, 2}), Error);
  expect_error_mentioning([] { kendall_tau_b({1, 2, kNaN}, {1, 2, 3}); }, "x[2]");
  expect_error_mentioning([] { kendall_tau_b({1, 2, 3}, {kNaN, 2, 3}); }, "y[0]");
}

TEST(KendallTauBTest, MatchesBruteForceOnRandomTies) {
  std::mt19937 rng(12345);
  for (std::size_t n : random_sizes()) {
    for (int max : {1, 3, 10, 1000}) {
      const auto x = random_ints(rng, n, max);
      const auto y = random_ints(rng, n, max);
      SCOPED_TRACE("n=" + std::to_string(n) + " max=" + std::to_string(max));
      expect_same(brute_tau_b(x, y), kendall_tau_b(x, y));
    }
  }
}

TEST(KendallTauBTest, Symmetric) {
  std::mt19937 rng(7);
  for (std::size_t n : {5, 50, 300}) {
    const auto x = random_ints(rng, n, 8);
    const auto y = random_ints(rng, n, 4);
    EXPECT_NEAR(kendall_tau_b(x, y), kendall_tau_b(y, x), kTol);
  }
}

TEST(KendallTauBTest, InvariantUnderMonotoneTransforms) {
  std::mt19937 rng(99);
  const auto x = random_ints(rng, 200, 20);
  const auto y = random_ints(rng, 200, 20);
  std::vector<double> increasing(x.size()), decreasing(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    increasing[i] = std::exp(x[i] / 4) + 3;
    decreasing[i] = -x[i] * x[i] * x[i];
  }
  const double tau = kendall_tau_b(x, y);
  EXPECT_NEAR(kendall_tau_b(increasing, y), tau, kTol);
  EXPECT_NEAR(kendall_tau_b(decreasing, y), -tau, kTol);
}

TEST(KendallTauBTest, LargeCountsDoNotOverflow) {
  // n0 = n(n-1)/2 ~ 2e10 and the swap count both exceed 32 bits. With x in
  // tied pairs and y strictly falling: C=0, n1=n/2, n2=n3=0, D=n0-n1, so
  // tau_b = -(n0-n1) / sqrt((n0-n1)*n0) = -sqrt((n0-n1)/n0).
  const std::size_t n = 200000;
  std::vector<double> x(n), y(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = static_cast<double>(i / 2);
    y[i] = -static_cast<double>(i);
  }
  const double n0 = n * (n - 1) / 2.0;
  const double n1 = n / 2.0;
  EXPECT_NEAR(kendall_tau_b(x, y), -std::sqrt((n0 - n1) / n0), kTol);
  EXPECT_DOUBLE_EQ(kendall_tau_b(y, y), 1.0);
}

TEST(SpearmanAverageRanksTest, TiesShareTheMeanPosition) {
  EXPECT_EQ(average_ranks({10, 20, 20, 5}), (std::vector<double>{2, 3.5, 3.5, 1}));
  EXPECT_EQ(average_ranks({7, 7, 7}), (std::vector<double>{2, 2, 2}));
  EXPECT_EQ(average_ranks({3, 1, 2}), (std::vector<double>{3, 1, 2}));
  EXPECT_TRUE(average_ranks({}).empty());
  expect_error_mentioning([] { average_ranks({1, kNaN}); }, "[1]");
}

TEST(SpearmanAverageRanksTest, MatchesBruteForce) {
  std::mt19937 rng(5);
  for (std::size_t n : {1, 2, 17, 300}) {
    const auto v = random_ints(rng, n, 6);
    EXPECT_EQ(average_ranks(v), brute_ranks(v));
  }
}

TEST(SpearmanRhoTest, HandComputedTies) {
  // x=[1,2,2,3] -> ranks [1,2.5,2.5,4]; y=[1,3,2,3] -> ranks [1,3.5,2,3.5].
  // Mean rank 2.5: dx=[-1.5,0,0,1.5], dy=[-1.5,1,-0.5,1].
  // sxy = 2.25+1.5 = 3.75, sxx = 4.5, syy = 2.25+1+0.25+1 = 4.5 -> rho = 5/6.
  EXPECT_NEAR(spearman_rho({1, 2, 2, 3}, {1, 3, 2, 3}), 5.0 / 6.0, kTol);
}

TEST(SpearmanRhoTest, HandComputedTiesInBoth) {
  // x=[1,1,2,2,3] -> ranks [1.5,1.5,3.5,3.5,5]; y=[1,1,2,1,0] -> [3,3,5,3,1].
  // Mean rank 3: dx=[-1.5,-1.5,0.5,0.5,2], dy=[0,0,2,0,-2].
  // sxy = 1-4 = -3, sxx = 2.25*2+0.25*2+4 = 9, syy = 8 -> rho = -3/sqrt(72).
  EXPECT_NEAR(spearman_rho({1, 1, 2, 2, 3}, {1, 1, 2, 1, 0}), -3 / std::sqrt(72.0), kTol);
}

TEST(SpearmanRhoTest, ScipyDocumentationExample) {
  EXPECT_NEAR(spearman_rho({1, 2, 3, 4, 5}, {5, 6, 7, 8, 7}), 0.8207826816681233, kTol);
}

TEST(SpearmanRhoTest, PerfectAgreementAndReversal) {
  const std::vector<double> x = {1, 2, 3, 4, 5, 6};
  EXPECT_DOUBLE_EQ(spearman_rho(x, {10, 20, 30, 40, 50, 60}), 1.0);
  EXPECT_DOUBLE_EQ(spearman_rho(x, {6, 5, 4, 3, 2, 1}), -1.0);
  EXPECT_DOUBLE_EQ(spearman_rho({1, 1, 2, 3, 3}, {0, 0, 5, 7, 7}), 1.0);
}

TEST(SpearmanRhoTest, UndefinedGivesNaN) {
  EXPECT_TRUE(std::isnan(spearman_rho({}, {})));
  EXPECT_TRUE(std::isnan(spearman_rho({1}, {2})));
  EXPECT_TRUE(std::isnan(spearman_rho({3, 3, 3}, {1, 2, 3})));
  EXPECT_TRUE(std::isnan(spearman_rho({1, 2, 3}, {4, 4, 4})));
}

TEST(SpearmanRhoTest, RejectsMismatchedSizesAndNaN) {
  EXPECT_THROW(spearman_rho({1, 2, 3}, {1, 2}), Error);
  expect_error_mentioning([] { spearman_rho({1, kNaN, 3}, {1, 2, 3}); }, "x[1]");
  expect_error_mentioning([] { spearman_rho({1, 2, 3}, {1, 2, kNaN}); }, "y[2]");
}

TEST(SpearmanRhoTest, MatchesBruteForceOnRandomTies) {
  std::mt19937 rng(424242);
  for (std::size_t n : random_sizes()) {
    for (int max : {1, 3, 10, 1000}) {
      const auto x = random_ints(rng, n, max);
      const auto y = random_ints(rng, n, max);
      SCOPED_TRACE("n=" + std::to_string(n) + " max=" + std::to_string(max));
      expect_same(pearson(brute_ranks(x), brute_ranks(y)), spearman_rho(x, y));
    }
  }
}

TEST(SpearmanRhoTest, MatchesNoTiesFormula) {
  // Without ties rho = 1 - 6 sum d^2 / (n(n^2-1)), d the rank differences.
  std::mt19937 rng(2024);
  for (std::size_t n : {2, 3, 10, 100, 500}) {
    std::vector<double> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = y[i] = static_cast<double>(i);
    std::shuffle(x.begin(), x.end(), rng);
    std::shuffle(y.begin(), y.end(), rng);
    double sum_d2 = 0;
    for (std::size_t i = 0; i < n; ++i) sum_d2 += (x[i] - y[i]) * (x[i] - y[i]);
    const double nn = static_cast<double>(n);
    EXPECT_NEAR(spearman_rho(x, y), 1 - 6 * sum_d2 / (nn * (nn * nn - 1)), kTol) << "n=" << n;
  }
}

TEST(SpearmanRhoTest, SymmetricAndInvariantUnderMonotoneTransforms) {
  std::mt19937 rng(31);
  const auto x = random_ints(rng, 200, 20);
  const auto y = random_ints(rng, 200, 20);
  std::vector<double> increasing(x.size()), decreasing(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    increasing[i] = std::exp(x[i] / 4) + 3;
    decreasing[i] = -x[i] * x[i] * x[i];
  }
  const double rho = spearman_rho(x, y);
  EXPECT_NEAR(spearman_rho(y, x), rho, kTol);
  EXPECT_NEAR(spearman_rho(increasing, y), rho, kTol);
  EXPECT_NEAR(spearman_rho(decreasing, y), -rho, kTol);
}

}  // namespace
}  // namespace prpnas::pareto

namespace prpnas::pareto {
namespace {

TEST(KendallSeparated, WithoutAGapItIsTauB) {
  std::mt19937 rng(4);
  std::uniform_int_distribution<int> draw(0, 6);  // ties in x
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<double> x, y;
    for (int i = 0; i < 30; ++i) {
      x.push_back(draw(rng));
      y.push_back(i * 1.5 + draw(rng) * 0.01);  // distinct y
    }
    EXPECT_NEAR(kendall_tau_b_separated(x, y, 0), kendall_tau_b(x, y), 1e-12);
  }
}

TEST(KendallSeparated, PairsWithinTheGapDoNotCount) {
  const std::vector<double> x = {2, 1, 3, 4}, y = {1, 2, 10, 11};
  EXPECT_NEAR(kendall_tau_b(x, y), 4.0 / 6, 1e-12);              // (1,2) is discordant
  EXPECT_DOUBLE_EQ(kendall_tau_b_separated(x, y, 5), 1.0);       // but its y differ by 1
  EXPECT_TRUE(std::isnan(kendall_tau_b_separated(x, y, 100)));   // no pair left
  EXPECT_TRUE(std::isnan(kendall_tau_b_separated({1, 1}, {0, 9}, 1)));  // only an x tie left
  EXPECT_THROW(kendall_tau_b_separated(x, y, -1), Error);
}

}  // namespace
}  // namespace prpnas::pareto
