#include "prpnas/report/axis_ticks.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "prpnas/util/error.h"

namespace prpnas::report {
namespace {

// True when step is 1, 2 or 5 times a power of ten.
bool nice(double step) {
  const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
  return std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 || std::abs(mantissa - 5) < 1e-6;
}

void expect_nice_cover(double lo, double hi, int target) {
  const Ticks t = linear_ticks(lo, hi, target);
  SCOPED_TRACE(::testing::Message() << "[" << lo << ", " << hi << "] target " << target);
  ASSERT_GE(t.values.size(), 2u);
  EXPECT_LE(t.values.size(), static_cast<std::size_t>(target) + 2);
  ASSERT_EQ(t.labels.size(), t.values.size());
  EXPECT_EQ(t.lo, t.values.front());
  EXPECT_EQ(t.hi, t.values.back());
  EXPECT_LE(t.lo, lo);
  EXPECT_GE(t.hi, hi);
  const double step = t.values[1] - t.values[0];
  EXPECT_TRUE(nice(step)) << step;
  EXPECT_GT(t.lo, lo - step * (1 + 1e-9));  // no more than one step of slack at either end
  EXPECT_LT(t.hi, hi + step * (1 + 1e-9));
  for (std::size_t i = 0; i < t.values.size(); ++i) {
    const double k = t.values[i] / step;
    EXPECT_NEAR(k, std::round(k), 1e-6) << "tick " << t.values[i] << " is not a multiple of " << step;
    if (i > 0) {
      EXPECT_NEAR(t.values[i] - t.values[i - 1], step, 1e-9 * std::max(1.0, std::abs(t.values[i])));
    }
  }
  EXPECT_EQ(std::set<std::string>(t.labels.begin(), t.labels.end()).size(), t.labels.size())
      << "labels must tell ticks apart";
}

TEST(AxisTicks, LinearTicksAreNiceMultiplesCoveringTheRange) {
  const Ticks t = linear_ticks(0.13, 0.87, 6);
  EXPECT_EQ(t.labels, (std::vector<std::string>{"0", "0.2", "0.4", "0.6", "0.8", "1.0"}));
  expect_nice_cover(-3.7, 12.2, 6);
  expect_nice_cover(93.1, 94.4, 5);
  expect_nice_cover(1e-7, 3e-7, 6);
  expect_nice_cover(-2e9, 7e9, 8);
  std::mt19937 rng(17);
  std::uniform_real_distribution<double> exponent(-6, 8), unit(-1, 1);
  for (int i = 0; i < 500; ++i) {
    const double scale = std::pow(10.0, exponent(rng));
    double a = unit(rng) * scale, b = unit(rng) * scale;
    if (a > b) std::swap(a, b);
    expect_nice_cover(a, b, 3 + i % 8);
  }
}

TEST(AxisTicks, EqualEndsArePadded) {
  for (const double v : {0.0, 5.0, -3.0, 1e9}) {
    const Ticks t = linear_ticks(v, v);
    EXPECT_LT(t.lo, v);
    EXPECT_GT(t.hi, v);
  }
}

TEST(AxisTicks, LabelsCarryNoSpuriousDigits) {
  const Ticks t = linear_ticks(0.1, 0.7, 7);  // step 0.1: 0.30000000000000004 must read 0.3
  for (const auto& label : t.labels) EXPECT_LE(label.size(), 3u) << label;
  EXPECT_EQ(linear_ticks(-1, 1, 3).labels, (std::vector<std::string>{"-1", "0", "1"}));
}

TEST(AxisTicks, LogTicksRunFromDecadeToDecade) {
  const Ticks wide = log_ticks(3, 800);
  EXPECT_EQ(wide.values, (std::vector<double>{1, 10, 100, 1000}));
  EXPECT_EQ(wide.labels, (std::vector<std::string>{"1", "10", "100", "1000"}));
  const Ticks narrow = log_ticks(2, 30);
  EXPECT_EQ(narrow.labels, (std::vector<std::string>{"1", "2", "5", "10", "20", "50", "100"}));
  const Ticks single = log_ticks(10, 10);
  EXPECT_LT(single.lo, 10);
  EXPECT_GT(single.hi, 10);
  const Ticks huge = log_ticks(1e-3, 1e12);
  EXPECT_LE(huge.values.size(), 9u);
  EXPECT_LE(huge.lo, 1e-3);
  EXPECT_GE(huge.hi, 1e12);
  for (std::size_t i = 1; i < huge.values.size(); ++i) {  // thinned evenly
    EXPECT_NEAR(std::log10(huge.values[i] / huge.values[i - 1]), std::log10(huge.values[1] / huge.values[0]),
                1e-9);
  }
}

TEST(AxisTicks, ExponentsAreWrittenShort) {
  const Ticks params = log_ticks(1e3, 5e7);
  EXPECT_EQ(params.labels.back(), "1e8");
  EXPECT_EQ(log_ticks(1e-7, 1e-5).labels.front(), "1e-7");
  for (const auto& label : linear_ticks(1.2e-7, 3.1e-7, 5).labels) {
    EXPECT_EQ(label.find('+'), std::string::npos) << label;
    EXPECT_EQ(label.find("e-0"), std::string::npos) << label;
  }
}

TEST(AxisTicks, BadRangesAreConfigErrors) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(linear_ticks(nan, 1), ConfigError);
  EXPECT_THROW(linear_ticks(2, 1), ConfigError);
  EXPECT_THROW(linear_ticks(0, std::numeric_limits<double>::infinity()), ConfigError);
  EXPECT_THROW(log_ticks(0, 1), ConfigError);
  EXPECT_THROW(log_ticks(-1, 1), ConfigError);
}

}  // namespace
}  // namespace prpnas::report
