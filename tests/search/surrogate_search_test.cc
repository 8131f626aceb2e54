#include "prpnas/search/surrogate_search.h"

#include <gtest/gtest.h>

#include <optional>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "prpnas/search/random_search.h"
#include "prpnas/space/chain_space.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"
#include "search_problems.h"

namespace prpnas::search {
namespace {

using space::Architecture;
using space::ChoiceMask;
using test_search::AdditiveProblem;
using test_search::as_set;
using test_search::check_message;
using test_search::Truth;

SurrogateSearchOptions surrogate_with_seed(std::uint64_t seed, double training_share = 0.5) {
  SurrogateSearchOptions options;
  options.seed = seed;
  options.nsga2.seed = seed;
  options.training_share = training_share;
  return options;
}


// Brute force: the architectures whose vector no other evaluated vector dominates.
std::set<Architecture> surrogate_brute_force_front(const SearchResult& result) {
  const auto dominates = [](const std::vector<double>& a, const std::vector<double>& b) {
    bool strictly = false;
    for (std::size_t k = 0; k < a.size(); ++k) {
      if (a[k] > b[k]) return false;
      strictly = strictly || a[k] < b[k];
    }
    return strictly;
  };
  std::set<Architecture> front;
  for (std::size_t i = 0; i < result.evaluated.size(); ++i) {
    bool dominated = false;
    for (std::size_t j = 0; j < result.evaluated.size() && !dominated; ++j) {
      dominated = dominates(result.objectives[j], result.objectives[i]);
    }
    if (!dominated) front.insert(result.evaluated[i]);
  }
  return front;
}

// The invariants of any result: at most `budget` distinct valid alive
// architectures, each with the estimator's vector, and the exact front.
void expect_surrogate_result(const space::SearchSpace& space, const ChoiceMask& alive,
                             const Estimator& estimator, std::size_t budget, const SearchResult& result) {
  EXPECT_LE(result.calls, budget);
  EXPECT_EQ(result.calls, result.evaluated.size());
  ASSERT_EQ(result.objectives.size(), result.evaluated.size());
  EXPECT_EQ(as_set(result.evaluated).size(), result.evaluated.size());
  for (std::size_t i = 0; i < result.evaluated.size(); ++i) {
    EXPECT_TRUE(space.is_valid(result.evaluated[i])) << space.format(result.evaluated[i]);
    EXPECT_TRUE(space::uses_only_alive(alive, result.evaluated[i])) << space.format(result.evaluated[i]);
    EXPECT_EQ(result.objectives[i], estimator(result.evaluated[i]));
  }
  EXPECT_EQ(as_set(result.front), surrogate_brute_force_front(result));
  EXPECT_EQ(as_set(result.front).size(), result.front.size());
}

TEST(SurrogateSearchOptions, CheckNamesTheField) {
  EXPECT_EQ(check_message(SurrogateSearchOptions{}), "");
  for (double share : {0.0, -0.5, 1.5, std::nan("")}) {
    SurrogateSearchOptions options;
    options.training_share = share;
    EXPECT_NE(check_message(options).find("training_share"), std::string::npos) << share;
  }
  SurrogateSearchOptions options;
  options.training_share = 1;
  EXPECT_EQ(check_message(options), "");
  options = {};
  options.nsga2.population = 5;
  EXPECT_NE(check_message(options).find("population"), std::string::npos);
  options = {};
  options.surrogate_evaluations = 0;
  EXPECT_NE(check_message(options).find("surrogate_evaluations"), std::string::npos);
  for (double ridge : {-1.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
    options = {};
    options.ridge = ridge;
    EXPECT_NE(check_message(options).find("ridge"), std::string::npos) << ridge;
  }
  const space::ChainSpace chain;
  const AdditiveProblem problem(chain, 0);
  options = {};
  options.training_share = 2;
  EXPECT_THROW(surrogate_search(chain, chain.full_mask(), problem, 10, options), ConfigError);
  ChoiceMask dead = chain.full_mask();
  dead[1].assign(3, false);
  EXPECT_THROW(surrogate_search(chain, dead, problem, 10, {}), ConfigError);
  EXPECT_THROW(surrogate_search(chain, chain.full_mask(), Estimator{}, 10, {}), Error);
}

TEST(SurrogateSearch, SpendsAtMostTheBudgetOnDistinctValidArchitecturesDeterministically) {
  const space::ChainSpace chain;
  const space::Nb201Space nb201;
  for (const space::SearchSpace* space : {static_cast<const space::SearchSpace*>(&chain),
                                          static_cast<const space::SearchSpace*>(&nb201)}) {
    const AdditiveProblem problem(*space, 11);
    for (std::size_t budget : {1, 2, 7, 30, 100}) {
      const SearchResult a = surrogate_search(*space, space->full_mask(), problem, budget, surrogate_with_seed(3));
      expect_surrogate_result(*space, space->full_mask(), problem, budget, a);
      // Under 60 (chain) every query is spent: the surrogate's NSGA-II offers enough new cells.
      EXPECT_EQ(a.calls, std::min<std::size_t>(budget, space::valid_alive_size(*space, space->full_mask())))
          << space->name();
      // The first queries are random search's draws with the seed.
      const std::size_t training = budget < 2 ? 1 : budget / 2;
      EXPECT_EQ(std::vector<Architecture>(a.evaluated.begin(), a.evaluated.begin() + training),
                random_search(*space, space->full_mask(), problem, training, 3).evaluated);
      const SearchResult again = surrogate_search(*space, space->full_mask(), problem, budget, surrogate_with_seed(3));
      EXPECT_EQ(again.evaluated, a.evaluated);
      EXPECT_EQ(again.objectives, a.objectives);
      EXPECT_EQ(again.front, a.front);
    }
    EXPECT_NE(surrogate_search(*space, space->full_mask(), problem, 30, surrogate_with_seed(4)).evaluated,
              surrogate_search(*space, space->full_mask(), problem, 30, surrogate_with_seed(3)).evaluated);
    EXPECT_TRUE(surrogate_search(*space, space->full_mask(), problem, 0, {}).evaluated.empty());
  }
}

TEST(SurrogateSearch, BudgetAboveTheSpaceEvaluatesEverythingOnce) {
  const space::ChainSpace chain;
  const AdditiveProblem problem(chain, 1);
  const Truth truth(chain, problem);
  for (double share : {0.5, 1.0, 0.01}) {
    const SearchResult result = surrogate_search(chain, chain.full_mask(), problem, 1000, surrogate_with_seed(2, share));
    expect_surrogate_result(chain, chain.full_mask(), problem, 1000, result);
    // share 0.01: 10 training queries, then every cell NSGA-II saw on the
    // surrogate (all 60: more surrogate evaluations than cells).
    EXPECT_EQ(result.calls, 60u) << share;
    EXPECT_EQ(as_set(result.front), truth.front) << share;
  }
}

TEST(SurrogateSearch, FindsTheTrueFrontOfAnAdditiveProblem) {
  // The surrogate of an additive accuracy is exact once the training cells
  // pin every choice, so its front is the true one and is queried first.
  // Chain (60 valid cells): 15 training queries, 15 for the surrogate's
  // front. Over problems and seeds 0..999, 996 find the exact front with 30
  // queries (random search: 64); the misses are fronts larger than 15 or
  // training draws that miss a choice.
  const space::ChainSpace chain;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const AdditiveProblem problem(chain, seed);
    const Truth truth(chain, problem);
    const SearchResult result = surrogate_search(chain, chain.full_mask(), problem, 30, surrogate_with_seed(seed));
    expect_surrogate_result(chain, chain.full_mask(), problem, 30, result);
    EXPECT_EQ(as_set(result.front), truth.front) << "chain, seed " << seed;
  }
  // NB201 (15,625 cells, fronts of up to about 40): 50 training queries pin
  // the 30 choices, NSGA-II searches the surrogate, 50 queries go to its
  // front. Over seeds 0..99 all find the exact front (99 with 80 queries).
  const space::Nb201Space nb201;
  for (std::uint64_t seed = 0; seed < 3; ++seed) {
    const AdditiveProblem problem(nb201, seed + 100);
    const Truth truth(nb201, problem);
    const SearchResult result = surrogate_search(nb201, nb201.full_mask(), problem, 100, surrogate_with_seed(seed));
    expect_surrogate_result(nb201, nb201.full_mask(), problem, 100, result);
    EXPECT_EQ(as_set(result.front), truth.front) << "nb201, seed " << seed << ", true front " << truth.front.size();
    // Random search with the same budget misses part of it.
    const SearchResult random = random_search(nb201, nb201.full_mask(), problem, 100, seed);
    std::size_t random_hits = 0;
    for (const Architecture& arch : random.front) random_hits += truth.front.count(arch);
    EXPECT_LT(random_hits, truth.front.size());
  }
}

TEST(SurrogateSearch, UsesOnlyAliveChoices) {
  const space::Nb201Space nb201;
  const AdditiveProblem problem(nb201, 4);
  ChoiceMask alive = nb201.full_mask();
  alive[0] = {false, true, true, false, true};
  alive[3] = {false, false, true, false, false};
  alive[5] = {true, false, false, true, true};
  const SearchResult result = surrogate_search(nb201, alive, problem, 150, surrogate_with_seed(6));
  expect_surrogate_result(nb201, alive, problem, 150, result);
  EXPECT_EQ(result.calls, 150u);
  // A tiny alive space: everything, once.
  for (int d = 0; d < 6; ++d) alive[d] = {false, false, d < 2, true, false};
  const SearchResult all = surrogate_search(nb201, alive, problem, 150, surrogate_with_seed(6));
  expect_surrogate_result(nb201, alive, problem, 150, all);
  EXPECT_EQ(all.calls, space::alive_size(nb201, alive));  // 2 * 2 = 4
}

TEST(SurrogateSearch, LeavesUnusableTrainingCellsOutOfTheFit) {
  const space::Nb201Space nb201;
  const AdditiveProblem problem(nb201, 7);
  // Accuracy +infinity (unusable) whenever edge 0 is `none`.
  const Estimator partly = [&](const Architecture& arch) {
    std::vector<double> v = problem(arch);
    if (arch[0] == space::Nb201Space::kNone) v[0] = std::numeric_limits<double>::infinity();
    return v;
  };
  const SearchResult result = surrogate_search(nb201, nb201.full_mask(), partly, 120, surrogate_with_seed(1));
  expect_surrogate_result(nb201, nb201.full_mask(), partly, 120, result);
  EXPECT_EQ(result.calls, 120u);
  const Estimator unusable = [&](const Architecture& arch) {
    std::vector<double> v = problem(arch);
    v[0] = std::numeric_limits<double>::infinity();
    return v;
  };
  EXPECT_THROW(surrogate_search(nb201, nb201.full_mask(), unusable, 120, surrogate_with_seed(1)), DataError);
  // A vector whose length changes is an Error, not a crash.
  const Estimator changing = [&](const Architecture& arch) {
    std::vector<double> v = problem(arch);
    if (arch[1] == 2) v.push_back(0);
    return v;
  };
  EXPECT_THROW(surrogate_search(nb201, nb201.full_mask(), changing, 120, surrogate_with_seed(1)), Error);
}

TEST(SurrogateSearch, WorksWithAccuracyAlone) {
  const space::Nb201Space nb201;
  const AdditiveProblem problem(nb201, 9);
  const Estimator accuracy = [&](const Architecture& arch) { return std::vector<double>{problem(arch)[0]}; };
  const Truth truth(nb201, accuracy);
  const SearchResult result = surrogate_search(nb201, nb201.full_mask(), accuracy, 120, surrogate_with_seed(2));
  expect_surrogate_result(nb201, nb201.full_mask(), accuracy, 120, result);
  EXPECT_EQ(as_set(result.front), truth.front);  // the single best cell
}

// The regressor handed back is the one fitted on the training draws (the
// first queries), and none when the training spent the whole budget.
TEST(SurrogateSearch, HandsBackTheRegressorItFitted) {
  const space::Nb201Space nb201;
  const AdditiveProblem problem(nb201, 5);
  std::optional<AdditiveRegressor> fitted;
  const SearchResult result = surrogate_search(nb201, nb201.full_mask(), problem, 100, surrogate_with_seed(3), &fitted);
  ASSERT_TRUE(fitted.has_value());
  std::vector<Architecture> archs(result.evaluated.begin(), result.evaluated.begin() + 50);
  std::vector<double> targets;
  for (std::size_t i = 0; i < 50; ++i) targets.push_back(result.objectives[i][0]);
  const AdditiveRegressor refit = AdditiveRegressor::fit(nb201, archs, targets, SurrogateSearchOptions{}.ridge);
  for (std::size_t i = 0; i < result.evaluated.size(); ++i) {
    EXPECT_NEAR(fitted->predict(result.evaluated[i]), refit.predict(result.evaluated[i]), 1e-12);
  }
  surrogate_search(nb201, nb201.full_mask(), problem, 1, surrogate_with_seed(3), &fitted);
  EXPECT_FALSE(fitted.has_value());
}

}  // namespace
}  // namespace prpnas::search
