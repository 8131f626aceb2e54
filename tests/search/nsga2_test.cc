#include "prpnas/search/nsga2.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "prpnas/pareto/front_quality.h"
#include "prpnas/search/random_search.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/space/darts_space.h"
#include "prpnas/space/mbconv_space.h"
#include "prpnas/util/error.h"
#include "search_problems.h"

namespace prpnas::search {
namespace {

using space::Architecture;
using space::ChoiceMask;
using test_search::AdditiveProblem;
using test_search::as_set;
using test_search::GridSpace;
using test_search::check_message;
using test_search::Truth;

Nsga2Options with_seed(std::uint64_t seed, std::size_t population = 32) {
  Nsga2Options options;
  options.seed = seed;
  options.population = population;
  return options;
}


TEST(Nsga2Options, CheckNamesTheField) {
  EXPECT_EQ(check_message(Nsga2Options{}), "");
  for (std::size_t population : {0, 2, 3, 5, 33}) {
    Nsga2Options options;
    options.population = population;
    EXPECT_NE(check_message(options).find("population"), std::string::npos) << population;
  }
  for (double p : {-0.1, 1.5, std::nan("")}) {
    Nsga2Options options;
    options.crossover_probability = p;
    EXPECT_NE(check_message(options).find("crossover_probability"), std::string::npos) << p;
    options = {};
    options.mutation_probability = p;
    EXPECT_NE(check_message(options).find("mutation_probability"), std::string::npos) << p;
  }
  Nsga2Options edges;
  edges.population = 4;
  edges.crossover_probability = 0;
  edges.mutation_probability = 1;
  EXPECT_EQ(check_message(edges), "");
  const GridSpace grid(4, 4);
  EXPECT_THROW(nsga2(grid, grid.full_mask(), AdditiveProblem(grid, 0), 10, with_seed(0, 7)), ConfigError);
}

TEST(Nsga2, FindsTheExactTrueFrontWithHalfTheSmallSpace) {
  // 256 architectures, 9 of them on the true front. Population 8 suits a
  // space this small; over seeds 0..999 about 99% find the exact front with
  // 128 evaluations (random search: about 0.5^9).
  const GridSpace grid(4, 4);
  const AdditiveProblem problem(grid, 0);
  const Truth truth(grid, problem);
  ASSERT_GE(truth.front.size(), 5u);
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const SearchResult result = nsga2(grid, grid.full_mask(), problem, 128, with_seed(seed, 8));
    EXPECT_LE(result.calls, 128u);
    EXPECT_EQ(as_set(result.front), truth.front) << "seed " << seed;
  }
}

TEST(Nsga2, SpendsAtMostTheBudgetOnDistinctArchitecturesDeterministically) {
  const GridSpace grid(5, 4);
  const AdditiveProblem problem(grid, 1);
  for (std::size_t budget : {0, 5, 32, 200}) {
    const SearchResult a = nsga2(grid, grid.full_mask(), problem, budget, with_seed(3));
    EXPECT_EQ(a.calls, budget);  // 1024 architectures: nothing stops it earlier
    EXPECT_EQ(as_set(a.evaluated).size(), a.evaluated.size());
    for (std::size_t i = 0; i < a.evaluated.size(); ++i) EXPECT_EQ(a.objectives[i], problem(a.evaluated[i]));
    EXPECT_EQ(nsga2(grid, grid.full_mask(), problem, budget, with_seed(3)).evaluated, a.evaluated);
  }
  EXPECT_NE(nsga2(grid, grid.full_mask(), problem, 200, with_seed(4)).evaluated,
            nsga2(grid, grid.full_mask(), problem, 200, with_seed(3)).evaluated);
  // The initial population is random search's first draws.
  EXPECT_EQ(nsga2(grid, grid.full_mask(), problem, 32, with_seed(9)).evaluated,
            random_search(grid, grid.full_mask(), problem, 32, 9).evaluated);
}

TEST(Nsga2, NeverUsesADeadChoice) {
  const GridSpace grid(6, 5);
  const AdditiveProblem problem(grid, 2);
  ChoiceMask alive = grid.full_mask();
  alive[0] = {false, true, false, true, false};
  alive[2] = {false, false, false, false, true};  // one alive choice: never mutated
  alive[5] = {true, true, true, false, false};
  Nsga2Options options = with_seed(1, 16);
  options.mutation_probability = 1;  // every decision mutates every time
  const SearchResult result = nsga2(grid, alive, problem, 300, options);
  EXPECT_EQ(result.calls, 300u);
  for (const Architecture& arch : result.evaluated) EXPECT_TRUE(space::uses_only_alive(alive, arch));
}

// DARTS: crossover and mutation act on the (inputs, op, op) decisions, so
// every child is a genotype the DARTS parser accepts and every alive choice
// is respected, also with pruned ops and pairs (issue 19).
TEST(Nsga2, ProducesOnlyValidDartsGenotypes) {
  const space::DartsSpace darts;
  const AdditiveProblem problem(darts, 3);
  ChoiceMask alive = darts.full_mask();
  alive[9] = {false, true, false, true, false, false, true, false, false, true};  // node 5: 4 of 10 pairs
  alive[10] = {false, false, false, true, true, false, false};                     // two ops left
  for (std::uint64_t seed : {1, 2, 3}) {
    Nsga2Options options = with_seed(seed, 16);
    options.mutation_probability = seed == 3 ? 1.0 : options.mutation_probability;
    const SearchResult result = nsga2(darts, alive, problem, 400, options);
    EXPECT_EQ(result.calls, 400u);
    for (const Architecture& arch : result.evaluated) {
      EXPECT_TRUE(space::uses_only_alive(alive, arch));
      EXPECT_EQ(darts.parse(darts.format(arch)), arch);
    }
  }
}

// ProxylessNAS is ragged: a stage's first layer has no skip. Children of
// crossover and mutation must keep to each layer's own choices (issue 20).
TEST(Nsga2, ProducesOnlyValidProxylessArchitectures) {
  const space::MbConvSpace proxyless("proxyless", space::proxyless_family());
  const AdditiveProblem problem(proxyless, 4);
  ChoiceMask alive = proxyless.full_mask();
  alive[1] = {false, false, false, false, false, true, true};  // k7e6 or skip
  for (std::uint64_t seed : {1, 2, 3}) {
    Nsga2Options options = with_seed(seed, 16);
    options.mutation_probability = seed == 3 ? 1.0 : options.mutation_probability;
    const SearchResult result = nsga2(proxyless, alive, problem, 400, options);
    EXPECT_EQ(result.calls, 400u);
    for (const Architecture& arch : result.evaluated) {
      EXPECT_TRUE(space::uses_only_alive(alive, arch));
      EXPECT_EQ(proxyless.parse(proxyless.format(arch)), arch);  // parse refuses skip on a first layer
    }
  }
}

TEST(Nsga2, TerminatesOnSmallAliveSpaces) {
  const GridSpace grid(4, 4);
  const AdditiveProblem problem(grid, 5);
  // Alive space (24) smaller than the population.
  ChoiceMask alive = grid.full_mask();
  alive[0] = {false, true, true, false};
  alive[1] = {true, false, false, false};
  alive[3] = {false, true, true, true};
  SearchResult result = nsga2(grid, alive, problem, 1000, with_seed(2));
  EXPECT_EQ(result.calls, space::alive_size(grid, alive));
  EXPECT_EQ(as_set(result.evaluated).size(), result.calls);
  // Larger than the population, smaller than the budget: ends with everything
  // evaluated or after kNsga2StallGenerations idle generations, either way
  // with the exact front of what it saw.
  result = nsga2(grid, grid.full_mask(), problem, 1'000'000, with_seed(2, 8));
  EXPECT_LE(result.calls, 256u);
  const Truth truth(grid, problem);
  EXPECT_EQ(as_set(result.front), truth.front);
}

TEST(Nsga2, BeatsRandomSearchOnNb201WithAnAdditiveOracle) {
  // 15,625 architectures; objectives -sum(accuracy table), sum(latency table).
  const auto nb201 = space::make_search_space("nb201");
  const AdditiveProblem problem(*nb201, 2024);
  const Truth truth(*nb201, problem);
  const auto approximation = [&](const SearchResult& result) {
    pareto::Points found;
    for (const Architecture& arch : result.front) found.push_back(problem(arch));
    return pareto::front_approximation(found, truth.points, truth.reference);
  };
  constexpr std::size_t kBudget = 2000;
  for (std::uint64_t seed : {0, 1, 2}) {
    const double evolved = approximation(nsga2(*nb201, nb201->full_mask(), problem, kBudget, with_seed(seed)));
    const double random = approximation(random_search(*nb201, nb201->full_mask(), problem, kBudget, seed));
    std::cout << "[ nb201    ] seed " << seed << ": front approximation nsga2 " << evolved << ", random search "
              << random << " (budget " << kBudget << ", true front " << truth.front.size() << ")\n";
    RecordProperty("nsga2_front_approximation_seed" + std::to_string(seed), std::to_string(evolved));
    RecordProperty("random_front_approximation_seed" + std::to_string(seed), std::to_string(random));
    EXPECT_GE(evolved, 0.98) << "seed " << seed;
    EXPECT_LT(random, evolved) << "seed " << seed;
  }
}

}  // namespace
}  // namespace prpnas::search
