// RunObjectives against brute force: points, and the normalised hypervolume
// of any number of costs as the dominated share of a grid over the box.
#include "prpnas/train/run_objectives.h"

#include <gtest/gtest.h>

#include <random>

#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

// Two decisions, two choices, per cost: cost(a) = fixed + choice[0][a0] + choice[1][a1].
space::CostTable table(double fixed, double a, double b, double c, double d) { return {fixed, {{a, b}, {c, d}}}; }

// Share of the box [0, 100] x [0, max_k] of points dominated by the front,
// counted on a regular grid of cell centres.
double grid_share(const pareto::Points& front, const std::vector<double>& box, int cells) {
  const std::size_t m = box.size();
  std::vector<int> index(m, 0);
  long dominated = 0, total = 0;
  while (true) {
    pareto::Point p(m);
    for (std::size_t k = 0; k < m; ++k) p[k] = (index[k] + 0.5) * box[k] / cells;
    p[0] = -p[0];  // accuracy is minimised as its negative
    bool hit = false;
    for (const auto& f : front) {
      bool all = true;
      for (std::size_t k = 0; k < m; ++k) all = all && f[k] <= p[k];
      hit = hit || all;
    }
    dominated += hit;
    ++total;
    std::size_t k = 0;
    while (k < m && ++index[k] == cells) index[k++] = 0;
    if (k == m) break;
  }
  return static_cast<double>(dominated) / static_cast<double>(total);
}

TEST(RunObjectives, PointsNegateAccuracyAndAddEveryCost) {
  const RunObjectives o({{"latency_ms", table(1, 0, 2, 0, 3)}, {"energy_mj", table(10, 0, 20, 0, 30)}});
  ASSERT_EQ(o.objectives().size(), 3u);
  EXPECT_EQ(o.objectives()[0].sense, pareto::Sense::kMaximize);
  EXPECT_EQ(o.objectives()[2].name, "energy_mj");
  EXPECT_EQ(o.point(80, {1, 0}), (pareto::Point{-80, 3, 30}));
}

TEST(RunObjectives, NormalisedHypervolumeIsTheDominatedShareOfTheBox) {
  const RunObjectives o({{"latency_ms", table(1, 0, 2, 0, 3)}, {"params", table(0, 5, 1, 4, 0)}});
  // The box: accuracy 0..100, latency 0..6 (1 + 2 + 3), params 0..9 (5 + 4).
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> acc(0, 100);
  for (int trial = 0; trial < 5; ++trial) {
    pareto::Points front;
    for (const space::Architecture& a : {space::Architecture{0, 0}, {1, 1}, {0, 1}}) front.push_back(o.point(acc(rng), a));
    EXPECT_NEAR(o.normalized_hypervolume(front), grid_share(front, {100, 6, 9}, 60), 0.02);
  }
}

TEST(RunObjectives, RefusesNoCostAndRepeatedNames) {
  EXPECT_THROW(RunObjectives({}), ConfigError);
  EXPECT_THROW(RunObjectives({{"latency_ms", table(1, 0, 2, 0, 3)}, {"latency_ms", table(1, 0, 2, 0, 3)}}),
               ConfigError);
  EXPECT_THROW(RunObjectives({{"accuracy", table(1, 0, 2, 0, 3)}}), ConfigError);
}

}  // namespace
}  // namespace prpnas::train
