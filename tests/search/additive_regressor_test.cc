#include "prpnas/search/additive_regressor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "prpnas/space/chain_space.h"
#include "prpnas/space/enumeration.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::search {
namespace {

using space::Architecture;

// intercept + weight[d][arch[d]], the weights and intercept drawn in [-1, 1).
struct RegressorTruth {
  double intercept = 0;
  std::vector<std::vector<double>> weights;

  RegressorTruth(const space::SearchSpace& space, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    const auto uniform = [&] { return 2 * (static_cast<double>(rng() >> 11) * 0x1.0p-53) - 1; };
    intercept = uniform();
    for (int d = 0; d < space.num_decisions(); ++d) {
      weights.emplace_back();
      for (std::size_t c = 0; c < space.choices(d).size(); ++c) weights.back().push_back(uniform());
    }
  }
  double operator()(const Architecture& arch) const {
    double total = intercept;
    for (std::size_t d = 0; d < arch.size(); ++d) total += weights[d][arch[d]];
    return total;
  }
};

std::vector<double> regressor_targets(const RegressorTruth& truth, const std::vector<Architecture>& archs) {
  std::vector<double> targets;
  for (const Architecture& arch : archs) targets.push_back(truth(arch));
  return targets;
}

// The largest |prediction - truth| over every combination of the space, valid or not.
double regressor_worst_error(const space::SearchSpace& space, const AdditiveRegressor& model,
                             const RegressorTruth& truth) {
  const space::Enumeration all(space);
  double worst = 0;
  for (std::uint64_t i = 0; i < all.size(); ++i) {
    worst = std::max(worst, std::abs(model.predict(all.at(i)) - truth(all.at(i))));
  }
  return worst;
}

TEST(AdditiveRegressor, RecoversAnAdditiveFunctionOnEveryArchitecture) {
  const space::Nb201Space nb201;
  const space::ChainSpace chain;
  struct Case {
    const space::SearchSpace* space;
    std::uint64_t samples;
  };
  for (const Case& c : {Case{&nb201, 80}, Case{&chain, 30}}) {
    for (std::uint64_t seed : {0, 1, 2}) {
      const RegressorTruth truth(*c.space, seed);
      const std::vector<Architecture> archs = space::distinct_sample(*c.space, c.samples, seed + 10);
      const std::vector<double> targets = regressor_targets(truth, archs);
      for (double ridge : {0.0, 1e-10}) {
        const AdditiveRegressor model = AdditiveRegressor::fit(*c.space, archs, targets, ridge);
        EXPECT_LT(regressor_worst_error(*c.space, model, truth), 1e-6)
            << c.space->name() << " seed " << seed << " ridge " << ridge;
        // Only differences within a decision are identified; they match.
        for (int d = 0; d < c.space->num_decisions(); ++d) {
          for (std::size_t k = 1; k < truth.weights[d].size(); ++k) {
            EXPECT_NEAR(model.weights()[d][k] - model.weights()[d][0], truth.weights[d][k] - truth.weights[d][0],
                        1e-6);
          }
        }
      }
    }
  }
}

TEST(AdditiveRegressor, WeightsOfADecisionSumToZeroAndUnseenChoicesGetZero) {
  const space::Nb201Space nb201;
  const RegressorTruth truth(nb201, 5);
  // Choice 4 of decision 0 never used.
  std::vector<Architecture> archs;
  for (Architecture arch : space::distinct_sample(nb201, 120, 6)) {
    if (arch[0] == 4) arch[0] = 1;
    archs.push_back(arch);
  }
  for (double ridge : {0.0, 1e-3, 10.0}) {
    const AdditiveRegressor model = AdditiveRegressor::fit(nb201, archs, regressor_targets(truth, archs), ridge);
    ASSERT_EQ(model.weights().size(), 6u);
    for (int d = 0; d < 6; ++d) {
      ASSERT_EQ(model.weights()[d].size(), 5u);
      const double sum = std::accumulate(model.weights()[d].begin(), model.weights()[d].end(), 0.0);
      EXPECT_NEAR(sum, 0, 1e-9) << "decision " << d << " ridge " << ridge;
    }
    EXPECT_NEAR(model.weights()[0][4], 0, 1e-12) << ridge;
  }
  // Without ridge every seen combination is still exact.
  const AdditiveRegressor exact = AdditiveRegressor::fit(nb201, archs, regressor_targets(truth, archs), 0);
  for (const Architecture& arch : archs) EXPECT_NEAR(exact.predict(arch), truth(arch), 1e-9);
}

TEST(AdditiveRegressor, RidgeShrinksTheWeightsTowardsTheMean) {
  const space::ChainSpace chain;
  const RegressorTruth truth(chain, 8);
  const std::vector<Architecture> archs = space::distinct_sample(chain, 40, 9);
  const std::vector<double> targets = regressor_targets(truth, archs);
  const auto norm = [](const AdditiveRegressor& model) {
    double total = 0;
    for (const auto& row : model.weights()) {
      for (double w : row) total += w * w;
    }
    return total;
  };
  double previous = std::numeric_limits<double>::infinity();
  for (double ridge : {0.0, 0.1, 1.0, 10.0, 100.0}) {
    const double current = norm(AdditiveRegressor::fit(chain, archs, targets, ridge));
    EXPECT_LT(current, previous) << ridge;
    previous = current;
  }
  // A huge ridge leaves only the intercept: the mean target.
  const AdditiveRegressor flat = AdditiveRegressor::fit(chain, archs, targets, 1e12);
  const double mean = std::accumulate(targets.begin(), targets.end(), 0.0) / static_cast<double>(targets.size());
  EXPECT_NEAR(flat.intercept(), mean, 1e-9);
  EXPECT_NEAR(flat.predict(archs[0]), mean, 1e-9);
}

TEST(AdditiveRegressor, OneSampleOrRepeatsFitTheMean) {
  const space::ChainSpace chain;
  const AdditiveRegressor one = AdditiveRegressor::fit(chain, {{1, 2, 0, 3}}, {0.25}, 0);
  EXPECT_DOUBLE_EQ(one.intercept(), 0.25);
  EXPECT_DOUBLE_EQ(one.predict({1, 2, 0, 3}), 0.25);
  EXPECT_DOUBLE_EQ(one.predict({0, 0, 0, 0}), 0.25);
  const AdditiveRegressor twice = AdditiveRegressor::fit(chain, {{1, 2, 0, 3}, {1, 2, 0, 3}}, {0.0, 1.0}, 0);
  EXPECT_NEAR(twice.predict({1, 2, 0, 3}), 0.5, 1e-12);
}

TEST(AdditiveRegressor, RejectsBadInput) {
  const space::ChainSpace chain;
  const std::vector<Architecture> archs = {{0, 0, 0, 0}, {1, 2, 0, 3}};
  EXPECT_THROW(AdditiveRegressor::fit(chain, {}, {}, 0), ConfigError);
  EXPECT_THROW(AdditiveRegressor::fit(chain, archs, {1.0}, 0), ConfigError);
  EXPECT_THROW(AdditiveRegressor::fit(chain, archs, {1.0, 2.0, 3.0}, 0), ConfigError);
  for (double ridge : {-1e-9, std::nan(""), std::numeric_limits<double>::infinity()}) {
    EXPECT_THROW(AdditiveRegressor::fit(chain, archs, {1.0, 2.0}, ridge), ConfigError) << ridge;
  }
  for (double bad : {std::nan(""), std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}) {
    EXPECT_THROW(AdditiveRegressor::fit(chain, archs, {1.0, bad}, 0), DataError) << bad;
  }
  try {
    AdditiveRegressor::fit(chain, archs, {1.0, std::nan("")}, 0);
    ADD_FAILURE() << "no DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("sample 1"), std::string::npos) << e.what();
  }
  EXPECT_THROW(AdditiveRegressor::fit(chain, {{0, 0, 0}, {1, 2, 0, 3}}, {1.0, 2.0}, 0), ParseError);
  EXPECT_THROW(AdditiveRegressor::fit(chain, {{0, 0, 0, 4}, {1, 2, 0, 3}}, {1.0, 2.0}, 0), ParseError);

  const AdditiveRegressor model = AdditiveRegressor::fit(chain, archs, {1.0, 2.0}, 0);
  EXPECT_THROW(model.predict({0, 0, 0}), Error);
  EXPECT_THROW(model.predict({0, 0, 0, 4}), Error);
  EXPECT_THROW(model.predict({0, -1, 0, 0}), Error);
}

}  // namespace
}  // namespace prpnas::search
