#include "prpnas/search/front_from_alpha.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <vector>

#include "prpnas/pareto/point.h"
#include "prpnas/util/error.h"

namespace prpnas::search {
namespace {

using space::Architecture;
using space::ChoiceMask;
using Alpha = std::vector<std::vector<double>>;

ChoiceMask full(int decisions, int choices) { return ChoiceMask(decisions, std::vector<bool>(choices, true)); }

// The kept choices of each decision, read back from the candidates.
std::vector<std::set<int>> kept(const std::vector<Architecture>& candidates, std::size_t decisions) {
  std::vector<std::set<int>> out(decisions);
  for (const Architecture& a : candidates) {
    for (std::size_t d = 0; d < decisions; ++d) out[d].insert(a[d]);
  }
  return out;
}

TEST(AlphaCandidates, FixesConfidentDecisionsAndKeepsCloseChoices) {
  const Alpha alpha = {
      {3.0, 0.0, 0.0},                              // p = 0.91: fixed to 0
      {std::log(4.0), std::log(2.0), 0.0},          // p = 4/7, 2/7, 1/7: ratios 1, 0.5, 0.25
      {0.0, 0.0, 0.0},                              // p = 1/3 each: all kept
  };
  FrontFromAlphaOptions options;
  options.keep_ratio = 0.4;
  std::vector<Architecture> c = alpha_candidates(alpha, full(3, 3), options);
  EXPECT_EQ(kept(c, 3), (std::vector<std::set<int>>{{0}, {0, 1}, {0, 1, 2}}));
  EXPECT_EQ(c.size(), 6u);
  // The product, decision 0 most significant, choices ascending.
  EXPECT_EQ(c[0], (Architecture{0, 0, 0}));
  EXPECT_EQ(c[1], (Architecture{0, 0, 1}));
  EXPECT_EQ(c[3], (Architecture{0, 1, 0}));
  options.keep_ratio = 0.2;
  EXPECT_EQ(kept(alpha_candidates(alpha, full(3, 3), options), 3),
            (std::vector<std::set<int>>{{0}, {0, 1, 2}, {0, 1, 2}}));
  options.keep_ratio = 1.0;
  EXPECT_EQ(kept(alpha_candidates(alpha, full(3, 3), options), 3),
            (std::vector<std::set<int>>{{0}, {0}, {0, 1, 2}}));
  // A lower fix_probability fixes decision 1 too (p = 4/7 > 0.5).
  options.keep_ratio = 0.2;
  options.fix_probability = 0.5;
  EXPECT_EQ(kept(alpha_candidates(alpha, full(3, 3), options), 3),
            (std::vector<std::set<int>>{{0}, {0}, {0, 1, 2}}));
}

TEST(AlphaCandidates, SoftmaxIsOverAliveChoicesOnly) {
  // Dead choice 0 would dominate; among alive 1 and 2 it is a tie at p = 0.5.
  const Alpha alpha = {{9.0, 0.0, 0.0}, {0.0, 5.0, 0.0}};
  const ChoiceMask alive = {{false, true, true}, {true, true, false}};
  const std::vector<Architecture> c = alpha_candidates(alpha, alive, {});
  EXPECT_EQ(kept(c, 2), (std::vector<std::set<int>>{{1, 2}, {1}}));
  // A row of alpha wider than its mask row: the extra columns are dead.
  EXPECT_EQ(alpha_candidates({{0.0, 0.0, 99.0}}, {{true, true}}, {}).size(), 2u);
}

TEST(AlphaCandidates, TightensKeepRatioUntilTheCapFits) {
  // Six decisions, ratios exp(-0.1 k): all 5 kept at keep_ratio 0.5.
  Alpha alpha(6, std::vector<double>(5));
  for (int d = 0; d < 6; ++d) {
    for (int c = 0; c < 5; ++c) alpha[d][c] = -0.1 * c - 0.01 * d * c;
  }
  FrontFromAlphaOptions options;
  EXPECT_EQ(alpha_candidates(alpha, full(6, 5), {.fix_probability = 0.6, .keep_ratio = 0.5, .max_candidates = 20000})
                .size(),
            15625u);
  options.max_candidates = 1000;
  const std::vector<Architecture> c = alpha_candidates(alpha, full(6, 5), options);
  EXPECT_LE(c.size(), 1000u);
  // The weakest choices go first: what remains is a prefix 0..k-1 per decision,
  // and every dropped choice has a smaller ratio than every kept one.
  const std::vector<std::set<int>> k = kept(c, 6);
  double weakest_kept = 1, strongest_dropped = 0;
  for (int d = 0; d < 6; ++d) {
    for (int ch = 0; ch < 5; ++ch) {
      const double ratio = std::exp(alpha[d][ch] - alpha[d][0]);
      if (k[d].count(ch)) {
        weakest_kept = std::min(weakest_kept, ratio);
      } else {
        strongest_dropped = std::max(strongest_dropped, ratio);
      }
    }
  }
  EXPECT_GT(weakest_kept, strongest_dropped);
  // One more choice anywhere would not have fitted... the step before did not.
  std::size_t before = 1;
  for (int d = 0; d < 6; ++d) {
    std::size_t n = k[d].size();
    for (int ch = 0; ch < 5; ++ch) {
      if (!k[d].count(ch) && std::exp(alpha[d][ch] - alpha[d][0]) >= strongest_dropped - 1e-15) ++n;
    }
    before *= n;
  }
  EXPECT_GT(before, 1000u);
}

TEST(AlphaCandidates, CutsTiesDecisionByDecisionWhenRatiosCannotHelp) {
  // All zeros: every choice ties, 15,625 > 4,096; decision 0 is cut to choice 0.
  const std::vector<Architecture> c = alpha_candidates(Alpha(6, std::vector<double>(5, 0.0)), full(6, 5), {});
  EXPECT_EQ(c.size(), 3125u);
  for (const Architecture& a : c) EXPECT_EQ(a[0], 0);
  FrontFromAlphaOptions one;
  one.max_candidates = 1;
  EXPECT_EQ(alpha_candidates(Alpha(6, std::vector<double>(5, 0.0)), full(6, 5), one),
            (std::vector<Architecture>{{0, 0, 0, 0, 0, 0}}));
}

TEST(AlphaCandidates, RejectsBadInputs) {
  FrontFromAlphaOptions bad;
  bad.fix_probability = 0;
  EXPECT_THROW(alpha_candidates({{0.0}}, {{true}}, bad), ConfigError);
  bad = {};
  bad.keep_ratio = 1.5;
  EXPECT_THROW(alpha_candidates({{0.0}}, {{true}}, bad), ConfigError);
  bad = {};
  bad.max_candidates = 0;
  EXPECT_THROW(alpha_candidates({{0.0}}, {{true}}, bad), ConfigError);
  EXPECT_THROW(alpha_candidates({{0.0, 1.0}}, {{false, false}}, {}), Error);
  EXPECT_THROW(alpha_candidates({{0.0}}, {{true, true}}, {}), Error);
  EXPECT_THROW(alpha_candidates({{0.0}}, {{true}, {true}}, {}), Error);
  EXPECT_THROW(alpha_candidates({{std::nan("")}}, {{true}}, {}), Error);
}

TEST(AlphaCandidates, RandomCasesStayUnderTheCapAndUseKeptAliveChoices) {
  std::mt19937_64 rng(9);
  for (int trial = 0; trial < 300; ++trial) {
    const int decisions = 1 + static_cast<int>(rng() % 6), choices = 1 + static_cast<int>(rng() % 5);
    Alpha alpha(decisions, std::vector<double>(choices));
    for (auto& row : alpha) {
      for (double& v : row) v = static_cast<double>(rng() % 400) / 100.0 - 2.0;
    }
    ChoiceMask alive = full(decisions, choices);
    for (auto&& row : alive) {
      for (std::size_t c = 0; c < row.size(); ++c) row[c] = rng() % 3 != 0;
      row[rng() % row.size()] = true;
    }
    FrontFromAlphaOptions options;
    options.keep_ratio = static_cast<double>(rng() % 11) / 10.0;
    options.max_candidates = 1 + rng() % 200;
    const std::vector<Architecture> c = alpha_candidates(alpha, alive, options);
    ASSERT_FALSE(c.empty());
    EXPECT_LE(c.size(), options.max_candidates);
    EXPECT_TRUE(std::is_sorted(c.begin(), c.end()));
    EXPECT_EQ(std::set<Architecture>(c.begin(), c.end()).size(), c.size());
    const std::vector<std::set<int>> k = kept(c, decisions);
    std::size_t product = 1;
    for (int d = 0; d < decisions; ++d) {
      product *= k[d].size();
      for (int ch : k[d]) EXPECT_TRUE(alive[d][ch]);
      // The best alive choice is always kept.
      int best = -1;
      for (int ch = 0; ch < choices; ++ch) {
        if (alive[d][ch] && (best < 0 || alpha[d][ch] > alpha[d][best])) best = ch;
      }
      EXPECT_TRUE(k[d].count(best));
    }
    EXPECT_EQ(product, c.size());  // a full Cartesian product
  }
}

TEST(FrontFromAlpha, EqualsABruteForceNonDominatedFilter) {
  std::mt19937_64 rng(13);
  for (int trial = 0; trial < 50; ++trial) {
    const int objectives = 2 + static_cast<int>(rng() % 2);
    // A random additive estimator over 4 decisions x 4 choices.
    std::vector<std::vector<std::vector<double>>> table(
        objectives, std::vector<std::vector<double>>(4, std::vector<double>(4)));
    for (auto& o : table) {
      for (auto& row : o) {
        for (double& v : row) v = static_cast<double>(rng() % 7);
      }
    }
    int calls = 0;
    const Estimator estimator = [&](const Architecture& a) {
      ++calls;
      std::vector<double> y(objectives, 0.0);
      for (int o = 0; o < objectives; ++o) {
        for (int d = 0; d < 4; ++d) y[o] += table[o][d][a[d]];
      }
      return y;
    };
    const std::vector<Architecture> candidates =
        alpha_candidates(Alpha(4, std::vector<double>(4, 0.0)), full(4, 4), {.max_candidates = 256});
    ASSERT_EQ(candidates.size(), 256u);
    const std::vector<Architecture> front = front_from_alpha(candidates, estimator);
    EXPECT_EQ(calls, 256);
    pareto::Points points;
    for (const Architecture& a : candidates) points.push_back(estimator(a));
    std::vector<Architecture> expected;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      bool dominated = false;
      for (std::size_t j = 0; j < candidates.size(); ++j) {
        dominated = dominated || pareto::dominates(points[j], points[i]);
      }
      if (!dominated) expected.push_back(candidates[i]);
    }
    EXPECT_EQ(front, expected);
  }
  EXPECT_TRUE(front_from_alpha({}, [](const Architecture&) { return std::vector<double>{0}; }).empty());
  EXPECT_THROW(front_from_alpha({{0}, {1}}, [](const Architecture& a) { return std::vector<double>(1 + a[0], 0.0); }),
               Error);
}

}  // namespace
}  // namespace prpnas::search
