#include "prpnas/pareto/bootstrap.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <random>
#include <set>
#include <vector>

#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

std::vector<double> normal_sample(std::size_t n, double mean, double sigma, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> draw(mean, sigma);
  std::vector<double> sample(n);
  for (double& v : sample) v = draw(rng);
  return sample;
}

TEST(Bootstrap, AConstantSampleHasNoSpread) {
  const ConfidenceInterval ci = bootstrap_mean(std::vector<double>(20, 2.5));
  EXPECT_EQ(ci.estimate, 2.5);
  EXPECT_EQ(ci.low, 2.5);
  EXPECT_EQ(ci.high, 2.5);
}

TEST(Bootstrap, MeanOfALargeNormalSampleHasTheTextbookInterval) {
  const double mean = 10, sigma = 3;
  const std::size_t n = 2000;
  const std::vector<double> sample = normal_sample(n, mean, sigma, 5);
  const ConfidenceInterval ci = bootstrap_mean(sample, {.seed = 17});
  double sum = 0;
  for (double v : sample) sum += v;
  EXPECT_NEAR(ci.estimate, sum / n, 1e-12);
  EXPECT_LT(ci.low, mean);
  EXPECT_GT(ci.high, mean);
  EXPECT_LT(ci.low, ci.estimate);
  EXPECT_GT(ci.high, ci.estimate);
  const double textbook_width = 2 * 1.96 * sigma / std::sqrt(static_cast<double>(n));
  EXPECT_NEAR(ci.high - ci.low, textbook_width, 0.1 * textbook_width);
  // A lower level gives a narrower interval inside it.
  const ConfidenceInterval narrow = bootstrap_mean(sample, {.level = 0.5, .seed = 17});
  EXPECT_GT(narrow.low, ci.low);
  EXPECT_LT(narrow.high, ci.high);
}

TEST(Bootstrap, TheSameSeedGivesTheSameInterval) {
  const std::vector<double> sample = normal_sample(50, 0, 1, 3);
  const ConfidenceInterval a = bootstrap_mean(sample, {.resamples = 2000, .seed = 42});
  const ConfidenceInterval b = bootstrap_mean(sample, {.resamples = 2000, .seed = 42});
  const ConfidenceInterval c = bootstrap_mean(sample, {.resamples = 2000, .seed = 43});
  EXPECT_EQ(a.low, b.low);
  EXPECT_EQ(a.high, b.high);
  EXPECT_EQ(a.estimate, c.estimate);
  EXPECT_NE(a.low, c.low);
}

TEST(Bootstrap, ResamplesDrawIndicesWithReplacement) {
  // A resample of n indices holds 1 - (1 - 1/n)^n of them, about 63%, with a
  // standard deviation of 0.00986 for n = 1000 (from the occupancy variance);
  // the sample itself holds all.
  const std::size_t n = 1000;
  const auto distinct_share = [](const std::vector<std::size_t>& indices) {
    for (std::size_t i : indices) {
      if (i >= n) ADD_FAILURE() << "index " << i << " out of range";
    }
    return static_cast<double>(std::set<std::size_t>(indices.begin(), indices.end()).size()) / n;
  };
  const ConfidenceInterval ci = bootstrap_interval(n, distinct_share, {.resamples = 2000, .seed = 1});
  const double expected = 1 - std::pow(1 - 1.0 / n, static_cast<double>(n));
  EXPECT_EQ(ci.estimate, 1);
  EXPECT_LT(ci.low, expected);
  EXPECT_GT(ci.high, expected);
  EXPECT_NEAR(ci.high - ci.low, 2 * 1.96 * 0.00986, 0.15 * 2 * 1.96 * 0.00986);
}

TEST(Bootstrap, TheBoundsAreInterpolatedQuantilesOfTheResamples) {
  // Call k returns k: the estimate is 0 and the resamples are 1..101, so the
  // 5% and 95% quantiles sit exactly on the 6th and 96th values.
  int calls = 0;
  const auto counter = [&](const std::vector<std::size_t>&) { return static_cast<double>(calls++); };
  const ConfidenceInterval ci = bootstrap_interval(3, counter, {.resamples = 101, .level = 0.9});
  EXPECT_EQ(calls, 102);
  EXPECT_EQ(ci.estimate, 0);
  EXPECT_DOUBLE_EQ(ci.low, 6);
  EXPECT_DOUBLE_EQ(ci.high, 96);
  // Between order statistics: with 1..4, the 10% and 90% quantiles (level
  // 0.8) sit at positions 0.3 and 2.7, that is 1.3 and 3.7.
  calls = 0;
  const ConfidenceInterval between = bootstrap_interval(3, counter, {.resamples = 4, .level = 0.8});
  EXPECT_NEAR(between.low, 1.3, 1e-12);
  EXPECT_NEAR(between.high, 3.7, 1e-12);
}

TEST(Bootstrap, RefusesWhatItCannotResample) {
  EXPECT_THROW(bootstrap_mean({}), ConfigError);
  EXPECT_THROW(bootstrap_mean({1, 2}, {.resamples = 0}), ConfigError);
  EXPECT_THROW(bootstrap_mean({1, 2}, {.level = 1}), ConfigError);
  EXPECT_THROW(bootstrap_mean({1, 2}, {.level = 0}), ConfigError);
  EXPECT_THROW(bootstrap_mean({1, std::nan("")}), DataError);
  // A statistic undefined on some resample: here, on one that repeats index 0.
  const auto picky = [](const std::vector<std::size_t>& indices) {
    std::size_t zeros = 0;
    for (std::size_t i : indices) zeros += i == 0;
    return zeros > 1 ? std::nan("") : 1.0;
  };
  EXPECT_THROW(bootstrap_interval(5, picky), DataError);
  // Unless asked to leave such resamples out; the quantiles are over the rest.
  const ConfidenceInterval kept = bootstrap_interval(5, picky, {.resamples = 200, .drop_undefined = true});
  EXPECT_EQ(kept.low, 1);
  EXPECT_EQ(kept.high, 1);
}

}  // namespace
}  // namespace prpnas::pareto
