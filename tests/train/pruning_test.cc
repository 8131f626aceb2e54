#include "prpnas/train/pruning.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <random>
#include <set>
#include <vector>

#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

using space::Architecture;
using space::ChoiceMask;

ChoiceMask full(int decisions, int choices) { return ChoiceMask(decisions, std::vector<bool>(choices, true)); }

TEST(PruneWorst, RemovesChoicesOnlyTheWorstRanksUse) {
  const std::vector<Architecture> sampled = {{0, 0}, {1, 0}, {0, 1}, {2, 2}};
  const std::vector<int> ranks = {1, 2, 3, 4};
  ChoiceMask alive = full(2, 3);
  // 4 distinct ranks, a quarter: rank 4 is the worst.
  EXPECT_EQ(prune_worst(alive, sampled, ranks, 0.25), (std::vector<PruneEvent>{{0, 2}, {1, 2}}));
  EXPECT_EQ(alive, (ChoiceMask{{true, true, false}, {true, true, false}}));
  // Half: ranks 3 and 4; decision 1 keeps only choice 0.
  alive = full(2, 3);
  EXPECT_EQ(prune_worst(alive, sampled, ranks, 0.5), (std::vector<PruneEvent>{{0, 2}, {1, 1}, {1, 2}}));
  // All: capped at K - 1 = 3 worst ranks, rank 1 stays better.
  alive = full(2, 3);
  EXPECT_EQ(prune_worst(alive, sampled, ranks, 1.0), (std::vector<PruneEvent>{{0, 1}, {0, 2}, {1, 1}, {1, 2}}));
  // None.
  alive = full(2, 3);
  EXPECT_TRUE(prune_worst(alive, sampled, ranks, 0.0).empty());
  EXPECT_EQ(alive, full(2, 3));
}

TEST(PruneWorst, OneRankAloneIsNoEvidence) {
  ChoiceMask alive = full(2, 3);
  EXPECT_TRUE(prune_worst(alive, {{0, 0}, {1, 2}}, {1, 1}, 1.0).empty());
  EXPECT_TRUE(prune_worst(alive, {}, {}, 0.5).empty());
  EXPECT_EQ(alive, full(2, 3));
}

TEST(PruneWorst, NeverRemovesTheLastAliveChoice) {
  // Decision 0: choice 0 is dead; the only better sample uses it, so both
  // alive choices qualify; the one seen at the best rank (1, rank 2) stays.
  ChoiceMask alive = {{false, true, true}, {true, true, true}};
  const std::vector<PruneEvent> events = prune_worst(alive, {{0, 0}, {1, 1}, {2, 1}}, {1, 2, 3}, 1.0);
  EXPECT_EQ(events, (std::vector<PruneEvent>{{0, 2}, {1, 1}}));
  EXPECT_EQ(alive, (ChoiceMask{{false, true, false}, {true, false, true}}));
}

TEST(PruneWorst, RejectsBadInputs) {
  ChoiceMask alive = full(2, 3);
  EXPECT_THROW(prune_worst(alive, {{0, 0}}, {1}, 1.5), ConfigError);
  EXPECT_THROW(prune_worst(alive, {{0, 0}}, {1}, -0.1), ConfigError);
  EXPECT_THROW(prune_worst(alive, {{0, 0}}, {1, 2}, 0.5), Error);
  EXPECT_THROW(prune_worst(alive, {{0, 0}}, {0}, 0.5), Error);
  EXPECT_THROW(prune_worst(alive, {{0, 3}}, {1}, 0.5), Error);
  EXPECT_THROW(prune_worst(alive, {{0}}, {1}, 0.5), Error);
  EXPECT_EQ(alive, full(2, 3));
}

// The rule, written out the slow way.
ChoiceMask reference_prune(ChoiceMask alive, const std::vector<Architecture>& sampled, const std::vector<int>& ranks,
                           double fraction) {
  std::set<int> distinct(ranks.begin(), ranks.end());
  const int k = static_cast<int>(distinct.size());
  int w = 0;
  while (w < k - 1 && w < fraction * k - 1e-9) ++w;
  std::set<int> worst_ranks;
  for (auto it = distinct.rbegin(); static_cast<int>(worst_ranks.size()) < w; ++it) worst_ranks.insert(*it);
  for (std::size_t d = 0; d < alive.size(); ++d) {
    std::vector<int> condemned;
    int alive_count = 0;
    for (std::size_t c = 0; c < alive[d].size(); ++c) {
      if (!alive[d][c]) continue;
      ++alive_count;
      bool worst = false, better = false;
      for (std::size_t s = 0; s < sampled.size(); ++s) {
        if (sampled[s][d] != static_cast<int>(c)) continue;
        (worst_ranks.count(ranks[s]) ? worst : better) = true;
      }
      if (worst && !better) condemned.push_back(static_cast<int>(c));
    }
    if (!condemned.empty() && static_cast<int>(condemned.size()) == alive_count) {
      int keep = -1, keep_rank = INT_MAX;
      for (int c : condemned) {
        int best = INT_MAX;
        for (std::size_t s = 0; s < sampled.size(); ++s) {
          if (sampled[s][d] == c) best = std::min(best, ranks[s]);
        }
        if (best < keep_rank) keep = c, keep_rank = best;
      }
      condemned.erase(std::find(condemned.begin(), condemned.end(), keep));
    }
    for (int c : condemned) alive[d][c] = false;
  }
  return alive;
}

TEST(PruneWorst, AgreesWithTheRuleOnRandomSmallCases) {
  std::mt19937_64 rng(5);
  int pruned_total = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    const int decisions = 1 + static_cast<int>(rng() % 3), choices = 2 + static_cast<int>(rng() % 4);
    const int samples = static_cast<int>(rng() % 9);
    const double fraction = 0.1 * static_cast<double>(rng() % 11);
    ChoiceMask alive = full(decisions, choices);
    for (auto&& row : alive) {
      for (std::size_t c = 0; c < row.size(); ++c) row[c] = rng() % 4 != 0;
      row[rng() % row.size()] = true;
    }
    std::vector<Architecture> sampled;
    std::vector<int> ranks;
    for (int s = 0; s < samples; ++s) {
      Architecture a(decisions);
      // Mostly alive choices; now and then a dead one (a stale sample).
      for (int d = 0; d < decisions; ++d) {
        do a[d] = static_cast<int>(rng() % choices);
        while (!alive[d][a[d]] && rng() % 5 != 0);
      }
      sampled.push_back(a);
      ranks.push_back(1 + static_cast<int>(rng() % 4));
    }
    const ChoiceMask before = alive;
    const ChoiceMask expected = reference_prune(alive, sampled, ranks, fraction);
    const std::vector<PruneEvent> events = prune_worst(alive, sampled, ranks, fraction);
    ASSERT_EQ(alive, expected) << "trial " << trial;
    pruned_total += static_cast<int>(events.size());
    std::size_t removed = 0;
    for (int d = 0; d < decisions; ++d) {
      EXPECT_TRUE(std::find(alive[d].begin(), alive[d].end(), true) != alive[d].end()) << "decision emptied";
      for (int c = 0; c < choices; ++c) {
        const bool seen = std::any_of(sampled.begin(), sampled.end(), [&](const Architecture& a) { return a[d] == c; });
        if (!seen) {
          EXPECT_EQ(alive[d][c], before[d][c]) << "unseen choice pruned";
        }
        if (before[d][c] && !alive[d][c]) {
          ++removed;
          EXPECT_TRUE(std::find(events.begin(), events.end(), PruneEvent{d, c}) != events.end());
        }
      }
    }
    EXPECT_EQ(removed, events.size());
  }
  EXPECT_GT(pruned_total, 100);  // the cases do exercise pruning
}

}  // namespace
}  // namespace prpnas::train
