#include "prpnas/search/random_search.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <set>
#include <vector>

#include "prpnas/space/choice_mask.h"
#include "prpnas/space/enumeration.h"
#include "prpnas/util/error.h"
#include "search_problems.h"

namespace prpnas::search {
namespace {

using space::Architecture;
using space::ChoiceMask;
using test_search::AdditiveProblem;
using test_search::as_set;
using test_search::GridSpace;
using test_search::Truth;

TEST(AliveSize, IsTheProductOfAliveCountsAndSaturates) {
  const GridSpace grid(4, 4);
  EXPECT_EQ(space::alive_size(grid, grid.full_mask()), space::Enumeration(grid).size());
  ChoiceMask alive = grid.full_mask();
  alive[0] = {false, true, false, true};
  alive[2] = {false, false, true, false};
  EXPECT_EQ(space::alive_size(grid, alive), 2u * 4 * 1 * 4);
  const GridSpace huge(64, 3);  // 3^64 > 2^64
  EXPECT_EQ(space::alive_size(huge, huge.full_mask()), std::numeric_limits<std::uint64_t>::max());
  alive[1].assign(4, false);
  EXPECT_THROW(space::alive_size(grid, alive), ConfigError);
}

TEST(RandomSearch, SpendsTheBudgetOnDistinctArchitecturesDeterministically) {
  const GridSpace grid(4, 4);
  const AdditiveProblem problem(grid, 3);
  const SearchResult a = random_search(grid, grid.full_mask(), problem, 100, 42);
  EXPECT_EQ(a.calls, 100u);
  EXPECT_EQ(a.evaluated.size(), 100u);
  EXPECT_EQ(as_set(a.evaluated).size(), 100u);
  for (std::size_t i = 0; i < a.evaluated.size(); ++i) EXPECT_EQ(a.objectives[i], problem(a.evaluated[i]));
  EXPECT_EQ(random_search(grid, grid.full_mask(), problem, 100, 42).evaluated, a.evaluated);
  EXPECT_NE(random_search(grid, grid.full_mask(), problem, 100, 43).evaluated, a.evaluated);
  // A smaller budget is a prefix of the same draws.
  const SearchResult b = random_search(grid, grid.full_mask(), problem, 30, 42);
  EXPECT_EQ(b.evaluated, std::vector<Architecture>(a.evaluated.begin(), a.evaluated.begin() + 30));
  EXPECT_TRUE(random_search(grid, grid.full_mask(), problem, 0, 42).evaluated.empty());
}

TEST(RandomSearch, BudgetAboveTheSpaceEvaluatesEverythingOnceAndFindsTheFront) {
  const GridSpace grid(4, 4);
  const AdditiveProblem problem(grid, 3);
  const Truth truth(grid, problem);
  for (std::uint64_t seed : {0, 1, 2}) {
    const SearchResult result = random_search(grid, grid.full_mask(), problem, 10'000, seed);
    EXPECT_EQ(result.calls, 256u);
    EXPECT_EQ(as_set(result.evaluated), as_set(truth.archs));
    EXPECT_EQ(as_set(result.front), truth.front);
  }
}

TEST(RandomSearch, UsesOnlyAliveChoicesAndStopsWhenTheyAreExhausted) {
  const GridSpace grid(4, 4);
  const AdditiveProblem problem(grid, 3);
  ChoiceMask alive = grid.full_mask();
  alive[0] = {false, true, true, false};
  alive[1] = {true, false, false, false};
  alive[3] = {false, true, true, true};
  const std::uint64_t size = space::alive_size(grid, alive);  // 2 * 1 * 4 * 3 = 24
  const SearchResult result = random_search(grid, alive, problem, 1000, 7);
  EXPECT_EQ(result.calls, size);
  EXPECT_EQ(as_set(result.evaluated).size(), size);
  for (const Architecture& arch : result.evaluated) EXPECT_TRUE(space::uses_only_alive(alive, arch));
  // Under the size: every draw alive too.
  for (const Architecture& arch : random_search(grid, alive, problem, 10, 8).evaluated) {
    EXPECT_TRUE(space::uses_only_alive(alive, arch));
  }
  alive[2].assign(4, false);
  EXPECT_THROW(random_search(grid, alive, problem, 10, 7), ConfigError);
}

TEST(RandomSearch, DrawsEveryAliveChoiceAboutEqually) {
  // 4 decisions x 4 choices, 128 draws: each (decision, choice) ~32 times.
  const GridSpace grid(4, 4);
  const SearchResult result = random_search(grid, grid.full_mask(), AdditiveProblem(grid, 3), 128, 11);
  for (int d = 0; d < 4; ++d) {
    std::vector<int> count(4, 0);
    for (const Architecture& arch : result.evaluated) ++count[arch[d]];
    for (int c = 0; c < 4; ++c) {
      EXPECT_GT(count[c], 12) << d << " " << c;
      EXPECT_LT(count[c], 52) << d << " " << c;
    }
  }
}

}  // namespace
}  // namespace prpnas::search
