#include "prpnas/train/tabular_prp.h"

#include <gtest/gtest.h>

#include <set>

#include "../search/search_problems.h"
#include "prpnas/pareto/front_quality.h"
#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/search/random_search.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

using space::Architecture;
using test_search::AdditiveProblem;
using test_search::Truth;

pareto::Points points_of(const std::vector<Architecture>& archs, const search::Estimator& estimator) {
  pareto::Points points;
  for (const auto& a : archs) points.push_back(estimator(a));
  return points;
}

class TabularPrpTest : public ::testing::Test {
 protected:
  const space::Nb201Space space_;
  const AdditiveProblem problem_{space_, 7};
  const search::Estimator estimator_ = [this](const Architecture& a) { return problem_(a); };
  const Truth truth_{space_, estimator_};
};

TEST_F(TabularPrpTest, SpendsAtMostTheBudgetOnDistinctArchitectures) {
  const TabularPrpResult r = tabular_prp(space_, estimator_, 600, TabularPrpOptions{});
  EXPECT_LE(r.search.calls, 600u);
  EXPECT_EQ(r.search.calls, r.search.evaluated.size());
  std::set<Architecture> distinct(r.search.evaluated.begin(), r.search.evaluated.end());
  EXPECT_EQ(distinct.size(), r.search.evaluated.size());
  EXPECT_GT(r.alpha_steps, 0);
  EXPECT_GT(r.candidates, 0u);
  // The alpha front holds queried, mutually non-dominated architectures.
  const pareto::Points front = points_of(r.alpha_front, estimator_);
  for (const auto& p : front) {
    for (const auto& q : front) EXPECT_FALSE(pareto::dominates(p, q));
  }
}

TEST_F(TabularPrpTest, AlphaRanksTheWholeSpaceAndItsFrontBeatsRandomSearch) {
  // An additive problem is what P(a) can express: alpha, trained on
  // within-sample Pareto ranks, orders all 15,625 cells well, and the search
  // it guides beats random search at the same budget.
  std::vector<double> predicted, truth_ranks;
  const std::vector<int> ranks = pareto::pareto_ranks(truth_.points);
  const TabularPrpResult r = tabular_prp(space_, estimator_, 1000, TabularPrpOptions{});
  for (std::size_t i = 0; i < truth_.archs.size(); ++i) {
    double p = 0;
    for (std::size_t d = 0; d < truth_.archs[i].size(); ++d) p += r.alpha[d][truth_.archs[i][d]];
    predicted.push_back(-p);
    truth_ranks.push_back(ranks[i]);
  }
  EXPECT_GT(pareto::kendall_tau_b(predicted, truth_ranks), 0.5);

  pareto::Points true_front;
  for (const auto& a : truth_.front) true_front.push_back(estimator_(a));
  const double prp = pareto::front_approximation(points_of(r.search.front, estimator_), true_front, truth_.reference);
  const search::SearchResult random = search::random_search(space_, space_.full_mask(), estimator_, 1000, 0);
  const double rnd = pareto::front_approximation(points_of(random.front, estimator_), true_front, truth_.reference);
  std::cout << "front approximation: prp " << prp << ", random " << rnd << "\n";
  EXPECT_GT(prp, rnd);
}

TEST_F(TabularPrpTest, PrunesOnlyWhenAskedAndOnlyAChoiceThatIsBadOnBothObjectives) {
  // Choice 0 of every decision costs 10 in both objectives: the worst samples
  // are those that use it, so it is what pruning must remove, and nothing else.
  const search::Estimator penalised = [this](const Architecture& a) {
    std::vector<double> v = problem_(a);
    for (int c : a) {
      if (c == 0) {
        v[0] += 10;
        v[1] += 10;
      }
    }
    return v;
  };
  TabularPrpOptions options;
  options.prune_every = 0;
  const TabularPrpResult unpruned = tabular_prp(space_, penalised, 400, options);
  EXPECT_EQ(unpruned.pruned, 0);
  EXPECT_EQ(unpruned.alive, space_.full_mask());

  options.prune_every = 10;
  const TabularPrpResult pruned = tabular_prp(space_, penalised, 400, options);
  EXPECT_GT(pruned.pruned, 0);
  int dead = 0;
  for (int d = 0; d < space_.num_decisions(); ++d) {
    for (std::size_t c = 1; c < pruned.alive[d].size(); ++c) EXPECT_TRUE(pruned.alive[d][c]) << d << "," << c;
    dead += !pruned.alive[d][0];
  }
  EXPECT_EQ(dead, pruned.pruned);
  for (const auto& a : pruned.alpha_front) EXPECT_TRUE(space::uses_only_alive(pruned.alive, a));
}

TEST_F(TabularPrpTest, ASeedReproducesTheRun) {
  TabularPrpOptions options;
  options.seed = 3;
  const TabularPrpResult a = tabular_prp(space_, estimator_, 300, options);
  const TabularPrpResult b = tabular_prp(space_, estimator_, 300, options);
  EXPECT_EQ(a.search.evaluated, b.search.evaluated);
  EXPECT_EQ(a.alpha, b.alpha);
  options.seed = 4;
  EXPECT_NE(tabular_prp(space_, estimator_, 300, options).search.evaluated, a.search.evaluated);
}

TEST_F(TabularPrpTest, RejectsBadOptionsNamingTheField) {
  TabularPrpOptions options;
  options.training_share = 0;
  EXPECT_THROW(tabular_prp(space_, estimator_, 100, options), ConfigError);
  options = {};
  options.rounds = 0;
  try {
    tabular_prp(space_, estimator_, 100, options);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("rounds"), std::string::npos);
  }
}

}  // namespace
}  // namespace prpnas::train
