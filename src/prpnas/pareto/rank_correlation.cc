#include "prpnas/pareto/rank_correlation.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <utility>

#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// NaN has no place in an order, and sorting with it is undefined behaviour, so
// reject it up front and say where it is.
void check_no_nan(const char* function, const char* name, const std::vector<double>& v) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (std::isnan(v[i])) {
      throw Error(std::string(function) + ": " + name + "[" + std::to_string(i) +
                  "] is NaN; drop or impute missing values before ranking");
    }
  }
}

void check_inputs(const char* function, const std::vector<double>& x,
                  const std::vector<double>& y) {
  if (x.size() != y.size()) {
    throw Error(std::string(function) + ": x has " + std::to_string(x.size()) +
                " values but y has " + std::to_string(y.size()) +
                "; pass one y per x");
  }
  check_no_nan(function, "x", x);
  check_no_nan(function, "y", y);
}

// Pairs of equal neighbours in a sorted range: a run of t equal values
// contributes t(t-1)/2, accumulated one element at a time.
template <typename Range, typename Equal>
std::int64_t tied_pairs(const Range& sorted, Equal equal) {
  std::int64_t pairs = 0;
  std::int64_t run = 0;  // earlier elements equal to the current one
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    run = equal(sorted[i - 1], sorted[i]) ? run + 1 : 0;
    pairs += run;
  }
  return pairs;
}

// Sorts v ascending by bottom-up merge sort and returns the number of
// inversions (i < j with v[i] > v[j]); equal values are not inversions.
std::int64_t sort_counting_inversions(std::vector<double>& v) {
  const std::size_t n = v.size();
  std::vector<double> buffer(n);
  std::int64_t inversions = 0;
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t lo = 0; lo < n; lo += 2 * width) {
      const std::size_t mid = std::min(lo + width, n);
      const std::size_t hi = std::min(lo + 2 * width, n);
      std::size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (v[j] < v[i]) {
          // v[j] jumps ahead of every value left in the first half.
          inversions += static_cast<std::int64_t>(mid - i);
          buffer[k++] = v[j++];
        } else {
          buffer[k++] = v[i++];
        }
      }
      std::copy(v.begin() + i, v.begin() + mid, buffer.begin() + k);
      std::copy(v.begin() + j, v.begin() + hi, buffer.begin() + k + (mid - i));
    }
    std::swap(v, buffer);
  }
  return inversions;
}

}  // namespace

double kendall_tau_b_separated(const std::vector<double>& x, const std::vector<double>& y, double min_gap) {
  check_inputs("kendall_tau_b_separated", x, y);
  if (!(min_gap >= 0)) throw Error("kendall_tau_b_separated: min_gap must be >= 0");
  std::int64_t kept = 0, tied_x = 0, score = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    for (std::size_t j = i + 1; j < x.size(); ++j) {
      if (!(std::abs(y[i] - y[j]) > min_gap)) continue;
      ++kept;
      if (x[i] == x[j]) {
        ++tied_x;
      } else {
        score += ((x[i] < x[j]) == (y[i] < y[j])) ? 1 : -1;
      }
    }
  }
  // tau-b = (C - D) / sqrt((n0 - n1)(n0 - n2)) with n2 = 0: no kept pair ties in y.
  if (kept == tied_x) return kNaN;
  return static_cast<double>(score) / std::sqrt(static_cast<double>(kept - tied_x) * static_cast<double>(kept));
}

double kendall_tau_b(const std::vector<double>& x, const std::vector<double>& y) {
  check_inputs("kendall_tau_b", x, y);
  const std::size_t n = x.size();
  if (n < 2) return kNaN;

  // Sorting by (x, y) puts ties in x next to each other, with their y already
  // in order so they add no inversions below.
  std::vector<std::pair<double, double>> pairs(n);
  for (std::size_t i = 0; i < n; ++i) pairs[i] = {x[i], y[i]};
  std::sort(pairs.begin(), pairs.end());
  const std::int64_t n1 = tied_pairs(pairs, [](const auto& a, const auto& b) { return a.first == b.first; });
  const std::int64_t n3 = tied_pairs(pairs, [](const auto& a, const auto& b) { return a == b; });

  // Every inversion of y in x order is a discordant pair.
  std::vector<double> ys(n);
  for (std::size_t i = 0; i < n; ++i) ys[i] = pairs[i].second;
  const std::int64_t swaps = sort_counting_inversions(ys);
  const std::int64_t n2 = tied_pairs(ys, [](double a, double b) { return a == b; });

  const std::int64_t n0 = static_cast<std::int64_t>(n) * static_cast<std::int64_t>(n - 1) / 2;
  if (n0 == n1 || n0 == n2) return kNaN;  // one side is constant
  const std::int64_t concordant_minus_discordant = n0 - n1 - n2 + n3 - 2 * swaps;
  // Two square roots, not one of the product: the product overflows int64.
  const double tau = static_cast<double>(concordant_minus_discordant) /
                     std::sqrt(static_cast<double>(n0 - n1)) /
                     std::sqrt(static_cast<double>(n0 - n2));
  return std::clamp(tau, -1.0, 1.0);  // rounding can step just past +-1
}

std::vector<double> average_ranks(const std::vector<double>& values) {
  check_no_nan("average_ranks", "values", values);
  const std::size_t n = values.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });

  std::vector<double> ranks(n);
  for (std::size_t begin = 0; begin < n;) {
    std::size_t end = begin + 1;
    while (end < n && values[order[end]] == values[order[begin]]) ++end;
    // Positions begin..end-1 are 1-based ranks begin+1..end; all get their mean.
    const double rank = 0.5 * static_cast<double>(begin + 1 + end);
    for (std::size_t k = begin; k < end; ++k) ranks[order[k]] = rank;
    begin = end;
  }
  return ranks;
}

double spearman_rho(const std::vector<double>& x, const std::vector<double>& y) {
  check_inputs("spearman_rho", x, y);
  const std::size_t n = x.size();
  if (n < 2) return kNaN;

  const std::vector<double> rx = average_ranks(x);
  const std::vector<double> ry = average_ranks(y);
  // Average ranks always sum to n(n+1)/2, so both means are exactly (n+1)/2.
  const double mean = 0.5 * static_cast<double>(n + 1);
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = rx[i] - mean;
    const double dy = ry[i] - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx == 0.0 || syy == 0.0) return kNaN;  // a constant side has no ranking
  return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

}  // namespace prpnas::pareto
