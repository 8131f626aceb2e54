#include "prpnas/hw/timing_summary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace prpnas::hw {
namespace {

// Brute force: sort, take the middle (mean of the two middles when even).
double reference_median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

TEST(TimingSummary, MedianAndMadMatchSortedReference) {
  std::mt19937_64 rng(3);
  for (int n = 1; n < 40; ++n) {
    std::vector<double> v(n);
    for (double& x : v) x = static_cast<double>(rng() % 7);  // many ties
    const TimingSummary s = summarize_timings(v);
    const double median = reference_median(v);
    std::vector<double> deviations;
    for (double x : v) deviations.push_back(std::abs(x - median));
    EXPECT_EQ(s.median_ms, median) << n;
    EXPECT_EQ(s.mad_ms, reference_median(deviations)) << n;
    EXPECT_EQ(s.samples, n);
  }
}

TEST(TimingSummary, AnOutlierDoesNotMoveTheMedian) {
  const TimingSummary s = summarize_timings({1.0, 1.1, 0.9, 1.0, 250.0});
  EXPECT_EQ(s.median_ms, 1.0);
  EXPECT_NEAR(s.mad_ms, 0.1, 1e-12);
  EXPECT_EQ(summarize_timings({}).samples, 0);
}

}  // namespace
}  // namespace prpnas::hw
