#include "prpnas/pareto/paired_test.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

// x[i] - y[i] for every pair, zeros dropped.
std::vector<double> nonzero_differences(const std::vector<double>& x, const std::vector<double>& y,
                                        const char* caller) {
  if (x.size() != y.size()) {
    throw DataError(fmt::format("{}: x has {} values but y has {}; pass one y per x", caller, x.size(), y.size()));
  }
  if (x.empty()) throw ConfigError(fmt::format("{}: no pairs; it needs at least one", caller));
  std::vector<double> differences;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (std::isnan(x[i]) || std::isnan(y[i])) {
      throw DataError(fmt::format("{}: pair {} has a NaN value; drop the pair or fix it first", caller, i));
    }
    const double d = x[i] - y[i];
    if (std::isnan(d)) throw DataError(fmt::format("{}: pair {} is inf - inf; no difference to test", caller, i));
    if (d != 0) differences.push_back(d);
  }
  return differences;
}

// P(X <= k) for X ~ Binomial(n, 1/2), summed in log space so that large n
// does not underflow 2^-n.
double binomial_half_lower_tail(std::size_t n, std::size_t k) {
  const double log_half_n = static_cast<double>(n) * std::log(0.5);
  const double log_n_factorial = std::lgamma(static_cast<double>(n) + 1);
  double tail = 0;
  for (std::size_t i = 0; i <= k; ++i) {
    tail += std::exp(log_n_factorial - std::lgamma(static_cast<double>(i) + 1) -
                     std::lgamma(static_cast<double>(n - i) + 1) + log_half_n);
  }
  return tail;
}

// Two-sided exact p-value of W+ = w over n untied ranks 1..n: every one of
// the 2^n sign patterns is equally likely under the null; counts[s] is the
// number of patterns whose positive ranks sum to s, built one rank at a time.
double wilcoxon_exact_p(std::size_t n, double w) {
  const std::size_t total = n * (n + 1) / 2;
  std::vector<std::uint64_t> counts(total + 1, 0);  // at most 2^30 patterns
  counts[0] = 1;
  for (std::size_t rank = 1; rank <= n; ++rank) {
    for (std::size_t s = total; s >= rank; --s) counts[s] += counts[s - rank];
  }
  const std::size_t observed = static_cast<std::size_t>(std::llround(w));
  std::uint64_t at_most = 0, at_least = 0;
  for (std::size_t s = 0; s <= total; ++s) {
    if (s <= observed) at_most += counts[s];
    if (s >= observed) at_least += counts[s];
  }
  const double patterns = std::ldexp(1.0, static_cast<int>(n));
  return std::min(1.0, 2 * static_cast<double>(std::min(at_most, at_least)) / patterns);
}

}  // namespace

PairedTestResult sign_test(const std::vector<double>& x, const std::vector<double>& y) {
  const std::vector<double> differences = nonzero_differences(x, y, "sign_test");
  PairedTestResult result;
  result.n = differences.size();
  const auto positive = static_cast<std::size_t>(
      std::count_if(differences.begin(), differences.end(), [](double d) { return d > 0; }));
  result.statistic = static_cast<double>(positive);
  if (result.n == 0) return result;
  const double rarer_tail = binomial_half_lower_tail(result.n, std::min(positive, result.n - positive));
  result.p_value = std::min(1.0, 2 * rarer_tail);
  return result;
}

PairedTestResult wilcoxon_signed_rank(const std::vector<double>& x, const std::vector<double>& y) {
  const std::vector<double> differences = nonzero_differences(x, y, "wilcoxon_signed_rank");
  PairedTestResult result;
  const std::size_t n = result.n = differences.size();
  if (n == 0) return result;
  std::vector<double> magnitudes(n);
  for (std::size_t i = 0; i < n; ++i) magnitudes[i] = std::abs(differences[i]);
  const std::vector<double> ranks = average_ranks(magnitudes);
  for (std::size_t i = 0; i < n; ++i) {
    if (differences[i] > 0) result.statistic += ranks[i];
  }

  // sum over groups of t tied magnitudes of t^3 - t: 0 when there is no tie.
  std::sort(magnitudes.begin(), magnitudes.end());
  double tie_sum = 0;
  for (std::size_t start = 0, end = 0; start < n; start = end) {
    while (end < n && magnitudes[end] == magnitudes[start]) ++end;
    const double t = static_cast<double>(end - start);
    tie_sum += t * t * t - t;
  }
  if (n <= kWilcoxonExactLimit && tie_sum == 0) {
    result.p_value = wilcoxon_exact_p(n, result.statistic);
    return result;
  }
  result.method = PValueMethod::kNormal;
  const double size = static_cast<double>(n);
  const double mean = size * (size + 1) / 4;
  const double variance = size * (size + 1) * (2 * size + 1) / 24 - tie_sum / 48;
  // The correction moves W+ half a step toward the mean, never past it.
  const double z = std::max(std::abs(result.statistic - mean) - 0.5, 0.0) / std::sqrt(variance);
  result.p_value = std::min(1.0, std::erfc(z / std::sqrt(2.0)));
  return result;
}

}  // namespace prpnas::pareto
