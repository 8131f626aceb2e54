#include "prpnas/pareto/seed_agreement.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <random>
#include <vector>

#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

// values[cell][seed] = cell value + seed noise, both normal.
std::vector<std::vector<double>> simulate(std::size_t cells, std::size_t seeds, double cell_sd, double seed_sd,
                                          unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> cell(80, cell_sd), noise(0, seed_sd);
  std::vector<std::vector<double>> values(cells);
  for (auto& row : values) {
    const double truth = cell(rng);
    for (std::size_t s = 0; s < seeds; ++s) row.push_back(truth + noise(rng));
  }
  return values;
}

TEST(SeedAgreement, IdenticalSeedsAgreeCompletely) {
  const std::vector<std::vector<double>> values = {{1, 1}, {3, 3}, {2, 2}, {5, 5}};
  const SeedAgreement a = seed_agreement(values);
  EXPECT_EQ(a.cells, 4u);
  EXPECT_EQ(a.seeds, 2u);
  EXPECT_DOUBLE_EQ(a.kendall_mean, 1);
  EXPECT_DOUBLE_EQ(a.mean_abs_difference, 0);
  EXPECT_DOUBLE_EQ(a.seed_sd, 0);
  EXPECT_DOUBLE_EQ(a.reliability, 1);
}

TEST(SeedAgreement, KendallAndDifferencesAreThoseOfEverySeedPair) {
  const auto values = simulate(25, 4, 1, 1, 7);
  const SeedAgreement a = seed_agreement(values);
  double sum = 0, lowest = 2, highest = -2, abs_sum = 0;
  int pairs = 0;
  for (std::size_t s = 0; s < 4; ++s) {
    for (std::size_t t = s + 1; t < 4; ++t, ++pairs) {
      std::vector<double> x, y;
      for (const auto& row : values) x.push_back(row[s]), y.push_back(row[t]), abs_sum += std::abs(row[s] - row[t]);
      const double tau = kendall_tau_b(x, y);
      sum += tau, lowest = std::min(lowest, tau), highest = std::max(highest, tau);
    }
  }
  EXPECT_EQ(pairs, 6);
  EXPECT_NEAR(a.kendall_mean, sum / 6, 1e-12);
  EXPECT_DOUBLE_EQ(a.kendall_min, lowest);
  EXPECT_DOUBLE_EQ(a.kendall_max, highest);
  EXPECT_NEAR(a.mean_abs_difference, abs_sum / (6 * 25), 1e-12);
}

TEST(SeedAgreement, RecoversTheNoiseAndSpreadItWasGiven) {
  // Many cells, so the estimates are close to the parameters simulated.
  for (const auto& [cell_sd, seed_sd] : {std::pair{2.0, 0.5}, std::pair{0.5, 2.0}, std::pair{1.0, 1.0}}) {
    const SeedAgreement a = seed_agreement(simulate(4000, 3, cell_sd, seed_sd, 11));
    EXPECT_NEAR(a.seed_sd, seed_sd, 0.05 * seed_sd);
    EXPECT_NEAR(a.cell_sd, cell_sd, 0.08 * cell_sd);
    const double expected = cell_sd * cell_sd / (cell_sd * cell_sd + seed_sd * seed_sd);
    EXPECT_NEAR(a.reliability, expected, 0.03);
    // Two seeds of a bivariate normal with correlation r have tau = 2/pi asin(r).
    EXPECT_NEAR(a.kendall_mean, 2 / M_PI * std::asin(expected), 0.03);
  }
}

TEST(SeedAgreement, PureNoiseHasNoReliability) {
  const SeedAgreement a = seed_agreement(simulate(3000, 2, 0, 1, 3));
  EXPECT_LT(a.reliability, 0.05);
  EXPECT_NEAR(a.kendall_mean, 0, 0.03);
}

TEST(SeedAgreement, MeansOfMoreSeedsAreMoreReliable) {
  EXPECT_DOUBLE_EQ(reliability_of_mean(0.4, 1), 0.4);
  EXPECT_DOUBLE_EQ(reliability_of_mean(0, 5), 0);
  EXPECT_DOUBLE_EQ(reliability_of_mean(1, 5), 1);
  // Against simulation: the mean of 4 seeds correlates with another mean of 4
  // as Spearman-Brown predicts from one seed's reliability.
  const auto values = simulate(4000, 8, 1, 1.5, 5);
  std::vector<std::vector<double>> two_means;
  for (const auto& row : values) {
    two_means.push_back({(row[0] + row[1] + row[2] + row[3]) / 4, (row[4] + row[5] + row[6] + row[7]) / 4});
  }
  const double single = seed_agreement(values).reliability;
  EXPECT_NEAR(seed_agreement(two_means).reliability, reliability_of_mean(single, 4), 0.03);
  EXPECT_LT(reliability_of_mean(single, 2), reliability_of_mean(single, 3));
}

TEST(SeedAgreement, PredictsHowWellOneSeedOrdersTheCells) {
  std::mt19937 rng(9);
  std::normal_distribution<double> cell(0, 1), noise(0, 0.8);
  std::vector<double> truth, one_run;
  for (int i = 0; i < 4000; ++i) truth.push_back(cell(rng)), one_run.push_back(truth.back() + noise(rng));
  EXPECT_NEAR(kendall_tau_b(truth, one_run), expected_kendall_to_cell_order(1 / (1 + 0.64)), 0.02);
  EXPECT_DOUBLE_EQ(expected_kendall_to_cell_order(1), 1);
  EXPECT_DOUBLE_EQ(expected_kendall_to_cell_order(0), 0);
}

TEST(SeedAgreement, RefusesTooLittleOrRaggedOrConstantInput) {
  EXPECT_THROW(seed_agreement({{1, 2}}), ConfigError);
  EXPECT_THROW(seed_agreement({{1}, {2}}), ConfigError);
  EXPECT_THROW(seed_agreement({{1, 2}, {2}}), ConfigError);
  EXPECT_THROW(seed_agreement({{1, 2}, {1, 3}}), ConfigError);  // seed 1 gives every cell 1
}

}  // namespace
}  // namespace prpnas::pareto
