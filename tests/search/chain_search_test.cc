// Searches on the chain space, where 12 of the 72 combinations are invalid:
// the estimator must never see one, and what can be found is the 60 valid.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

#include "prpnas/search/nsga2.h"
#include "prpnas/search/random_search.h"
#include "prpnas/space/chain_space.h"
#include "prpnas/space/choice_mask.h"
#include "search_problems.h"

namespace prpnas::search {
namespace {

using space::Architecture;
using test_search::AdditiveProblem;
using test_search::as_set;
using test_search::Truth;

// An estimator that records every call and fails the test on an invalid one.
struct ValidOnlyEstimator {
  const space::SearchSpace& space;
  AdditiveProblem problem;
  std::vector<Architecture> calls;

  Estimator estimator() {
    return [this](const Architecture& arch) {
      EXPECT_TRUE(space.is_valid(arch)) << space.format(arch);
      calls.push_back(arch);
      return problem(arch);
    };
  }
};

TEST(ChainSearch, RandomSearchEvaluatesOnlyValidArchitecturesAndAllSixty) {
  const space::ChainSpace chain;
  for (std::uint64_t seed = 0; seed < 5; ++seed) {
    ValidOnlyEstimator counted{chain, AdditiveProblem(chain, seed), {}};
    const SearchResult result = random_search(chain, chain.full_mask(), counted.estimator(), 1000, seed);
    EXPECT_EQ(result.calls, 60u);  // stops at the valid ones instead of drawing forever
    EXPECT_EQ(counted.calls, result.evaluated);
    const Truth truth(chain, counted.problem);
    EXPECT_EQ(as_set(result.front), truth.front);
  }
}

TEST(ChainSearch, Nsga2EvaluatesOnlyValidArchitectures) {
  const space::ChainSpace chain;
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    for (std::size_t budget : {10, 30, 1000}) {
      ValidOnlyEstimator counted{chain, AdditiveProblem(chain, seed), {}};
      Nsga2Options options;
      options.seed = seed;
      options.population = 8;
      options.mutation_probability = 0.5;  // many children with two skips in a row
      const SearchResult result = nsga2(chain, chain.full_mask(), counted.estimator(), budget, options);
      EXPECT_EQ(counted.calls, result.evaluated);
      if (budget < 60) {
        EXPECT_EQ(result.calls, budget) << "seed " << seed;
      }
      EXPECT_LE(result.calls, 60u);  // may converge (stall) before the last valid ones
    }
  }
}

TEST(ChainSearch, Nsga2WithAPopulationAboveTheValidCountTerminates) {
  const space::ChainSpace chain;
  ValidOnlyEstimator counted{chain, AdditiveProblem(chain, 1), {}};
  Nsga2Options options;
  options.population = 64;  // more than the 60 valid architectures
  const SearchResult result = nsga2(chain, chain.full_mask(), counted.estimator(), 1000, options);
  EXPECT_EQ(result.calls, 60u);
  EXPECT_EQ(as_set(result.front), Truth(chain, counted.problem).front);
}

TEST(ChainSearch, SearchesRespectAMaskAndTheRuleTogether) {
  const space::ChainSpace chain;
  space::ChoiceMask alive = chain.full_mask();
  alive[1] = {false, false, true};  // layer 2: skip only, so layer 3 may not be skip
  const std::uint64_t valid = space::valid_alive_size(chain, alive);
  ASSERT_EQ(valid, 2u * 1 * 2 * 4);
  for (std::uint64_t seed = 0; seed < 5; ++seed) {
    ValidOnlyEstimator by_random{chain, AdditiveProblem(chain, seed), {}};
    const SearchResult r = random_search(chain, alive, by_random.estimator(), 100, seed);
    EXPECT_EQ(r.calls, valid);
    ValidOnlyEstimator by_nsga2{chain, AdditiveProblem(chain, seed), {}};
    Nsga2Options options;
    options.seed = seed;
    options.population = 4;
    const SearchResult n = nsga2(chain, alive, by_nsga2.estimator(), 100, options);
    for (const Architecture& arch : by_nsga2.calls) EXPECT_TRUE(space::uses_only_alive(alive, arch));
    EXPECT_LE(n.calls, valid);
  }
}

}  // namespace
}  // namespace prpnas::search
