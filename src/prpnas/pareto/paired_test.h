// Paired tests over seeds: does x beat y (two methods run with the same seeds)
// more often, or by more, than chance would give? Both are two-sided and look
// at the differences x[i] - y[i]; zero differences favour neither side and are
// dropped, as R's wilcox.test and scipy's default do.
#ifndef PRPNAS_PARETO_PAIRED_TEST_H_
#define PRPNAS_PARETO_PAIRED_TEST_H_

#include <cstddef>
#include <vector>

namespace prpnas::pareto {

enum class PValueMethod { kExact, kNormal };

struct PairedTestResult {
  // Sign test: the number of positive differences. Wilcoxon: W+, the sum of
  // the ranks of the positive differences (R's V); W- = n(n+1)/2 - W+.
  double statistic = 0;
  std::size_t n = 0;    // non-zero differences, the pairs the test used
  double p_value = 1;   // two-sided; 1 when n = 0
  PValueMethod method = PValueMethod::kExact;
};

// Up to this many differences without ties, Wilcoxon's p-value is exact.
inline constexpr std::size_t kWilcoxonExactLimit = 30;

// Exact binomial test of "positive and negative differences are equally
// likely": p = min(1, 2 P(X <= min(k, n - k))), X ~ Binomial(n, 1/2).
// Throws ConfigError on no pairs, DataError on unequal sizes or NaN.
PairedTestResult sign_test(const std::vector<double>& x, const std::vector<double>& y);

// Wilcoxon signed-rank test of "the differences are symmetric about 0": |d|
// ranked with ties sharing their average rank. Exact null distribution (by
// dynamic programming over the ranks) for at most kWilcoxonExactLimit
// differences and no ties; otherwise the normal approximation with the tie
// correction of the variance and a continuity correction of 1/2. Throws as
// sign_test does.
PairedTestResult wilcoxon_signed_rank(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace prpnas::pareto

#endif  // PRPNAS_PARETO_PAIRED_TEST_H_
