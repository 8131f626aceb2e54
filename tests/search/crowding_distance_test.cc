#include "prpnas/search/crowding_distance.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "prpnas/util/error.h"

namespace prpnas::search {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(CrowdingDistance, EndsAreInfiniteAndInteriorSumsNormalisedGaps) {
  // Sorted by objective 0: (0,4) (1,2) (3,1) (4,0); both spans are 4.
  const pareto::Points front = {{3, 1}, {0, 4}, {4, 0}, {1, 2}};
  const std::vector<double> d = crowding_distances(front);
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[1], kInf);
  EXPECT_EQ(d[2], kInf);
  EXPECT_DOUBLE_EQ(d[3], (3.0 - 0.0) / 4 + (4.0 - 1.0) / 4);  // neighbours (0,4) and (3,1)
  EXPECT_DOUBLE_EQ(d[0], (4.0 - 1.0) / 4 + (2.0 - 0.0) / 4);  // neighbours (1,2) and (4,0)
}

TEST(CrowdingDistance, PermutationAndScaleDoNotMatter) {
  // Distinct values per objective: with ties, which tied point is the end depends on order.
  std::mt19937_64 rng(5);
  const auto uniform = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  pareto::Points front;
  for (int i = 0; i < 30; ++i) {
    const double x = uniform();
    front.push_back({x, 1 - x * x, uniform()});
  }
  const std::vector<double> d = crowding_distances(front);
  pareto::Points reversed(front.rbegin(), front.rend());
  for (pareto::Point& p : reversed) {
    p[0] = 1000 * p[0] - 3;
    p[2] = 0.5 * p[2];
  }
  const std::vector<double> r = crowding_distances(reversed);
  for (std::size_t i = 0; i < front.size(); ++i) {
    if (std::isinf(d[i])) {
      EXPECT_EQ(r[front.size() - 1 - i], kInf) << i;
    } else {
      EXPECT_NEAR(r[front.size() - 1 - i], d[i], 1e-9) << i;
    }
  }
}

TEST(CrowdingDistance, SmallFrontsAndConstantObjectives) {
  EXPECT_TRUE(crowding_distances({}).empty());
  EXPECT_EQ(crowding_distances({{1, 2}}), (std::vector<double>{kInf}));
  EXPECT_EQ(crowding_distances({{1, 2}, {2, 1}}), (std::vector<double>{kInf, kInf}));
  // Objective 1 is constant: only objective 0 counts.
  EXPECT_EQ(crowding_distances({{0, 5}, {1, 5}, {3, 5}}), (std::vector<double>{kInf, 1.0, kInf}));
  // Everything identical: no end, nothing to add.
  EXPECT_EQ(crowding_distances({{2, 2}, {2, 2}, {2, 2}}), (std::vector<double>{0, 0, 0}));
}

TEST(CrowdingDistance, RejectsNanAndMixedSizes) {
  EXPECT_THROW(crowding_distances({{0, 1}, {1}}), Error);
  EXPECT_THROW(crowding_distances({{0, 1}, {1, std::nan("")}}), Error);
}

}  // namespace
}  // namespace prpnas::search
