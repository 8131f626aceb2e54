#include "prpnas/pareto/ranking.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "prpnas/pareto/point.h"
#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

// The plain definition, kept separate from point.h so the reference does not
// share code with what it checks.
bool plain_dominates(const Point& a, const Point& b) {
  bool better = false;
  for (std::size_t d = 0; d < a.size(); ++d) {
    if (a[d] > b[d]) return false;
    if (a[d] < b[d]) better = true;
  }
  return better;
}

// Peels the non-dominated layer of the remaining points until none remain.
std::vector<int> reference_ranks(const Points& points) {
  std::vector<int> ranks(points.size(), 0);
  std::size_t remaining = points.size();
  for (int rank = 1; remaining > 0; ++rank) {
    std::vector<std::size_t> layer;
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (ranks[i] != 0) continue;
      bool dominated = false;
      for (std::size_t j = 0; j < points.size() && !dominated; ++j) {
        dominated = ranks[j] == 0 && plain_dominates(points[j], points[i]);
      }
      if (!dominated) layer.push_back(i);
    }
    for (std::size_t i : layer) ranks[i] = rank;
    remaining -= layer.size();
  }
  return ranks;
}

// Values from {0, ..., max_value}: many ties and exact duplicates.
Points grid_points(std::mt19937& rng, std::size_t n, std::size_t dims,
                   int max_value) {
  std::uniform_int_distribution<int> value(0, max_value);
  Points points(n, Point(dims));
  for (Point& p : points) {
    for (double& v : p) v = value(rng);
  }
  return points;
}

Points continuous_points(std::mt19937& rng, std::size_t n, std::size_t dims) {
  std::uniform_real_distribution<double> value(0.0, 1.0);
  Points points(n, Point(dims));
  for (Point& p : points) {
    for (double& v : p) v = value(rng);
  }
  return points;
}

// Every function that accepts points of this dimension must agree with the
// reference, and the ranks must form a proper layering.
void expect_ranks_correct(const Points& points) {
  const std::vector<int> expected = reference_ranks(points);
  const std::size_t dims = points.empty() ? 0 : points[0].size();
  EXPECT_EQ(pareto_ranks(points), expected);
  EXPECT_EQ(pareto_ranks_nd(points), expected);
  if (dims == 2) {
    EXPECT_EQ(pareto_ranks_2d(points), expected);
  }
  if (dims == 3) {
    EXPECT_EQ(pareto_ranks_3d(points), expected);
  }

  std::vector<std::size_t> rank_one;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (expected[i] == 1) rank_one.push_back(i);
  }
  EXPECT_EQ(non_dominated(points), rank_one);

  const std::vector<int> ranks = pareto_ranks(points);
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    bool has_parent = ranks[i] == 1;
    for (std::size_t j = 0; j < ranks.size(); ++j) {
      if (!plain_dominates(points[j], points[i])) continue;
      EXPECT_NE(ranks[j], ranks[i]) << "point " << j << " dominates " << i
                                    << " within rank " << ranks[i];
      if (ranks[j] == ranks[i] - 1) has_parent = true;
    }
    EXPECT_TRUE(has_parent) << "rank-" << ranks[i] << " point " << i
                            << " has no dominator of rank " << ranks[i] - 1;
  }
}

TEST(RankingTest, EmptyInput) {
  EXPECT_TRUE(pareto_ranks({}).empty());
  EXPECT_TRUE(pareto_ranks_2d({}).empty());
  EXPECT_TRUE(pareto_ranks_3d({}).empty());
  EXPECT_TRUE(pareto_ranks_nd({}).empty());
  EXPECT_TRUE(non_dominated({}).empty());
}

TEST(RankingTest, SinglePoint) {
  EXPECT_EQ(pareto_ranks({{5.0}}), std::vector<int>({1}));
  EXPECT_EQ(pareto_ranks({{5.0, 1.0}}), std::vector<int>({1}));
  EXPECT_EQ(pareto_ranks({{5.0, 1.0, 2.0}}), std::vector<int>({1}));
  EXPECT_EQ(pareto_ranks({{5.0, 1.0, 2.0, 3.0}}), std::vector<int>({1}));
}

TEST(RankingTest, OneObjectiveIsDenseRank) {
  const Points points = {{3.0}, {1.0}, {3.0}, {2.0}, {1.0}, {7.5}};
  const std::vector<int> expected = {3, 1, 3, 2, 1, 4};
  EXPECT_EQ(pareto_ranks(points), expected);
  EXPECT_EQ(pareto_ranks_nd(points), expected);
  EXPECT_EQ(non_dominated(points), std::vector<std::size_t>({1, 4}));
}

TEST(RankingTest, Staircase2D) {
  const Points points = {
      {1, 4}, {2, 3}, {3, 2}, {4, 1},  // Front 1.
      {2, 4}, {3, 3}, {4, 2},          // Each just behind a front-1 step.
      {4, 4},                          // Behind all of them.
      {0, 9},                          // Best f0, so front 1 too.
  };
  const std::vector<int> expected = {1, 1, 1, 1, 2, 2, 2, 3, 1};
  EXPECT_EQ(pareto_ranks(points), expected);
  EXPECT_EQ(pareto_ranks_2d(points), expected);
  EXPECT_EQ(pareto_ranks_nd(points), expected);
  EXPECT_EQ(non_dominated(points),
            std::vector<std::size_t>({0, 1, 2, 3, 8}));
}

TEST(RankingTest, DuplicatesShareARank) {
  const Points points2 = {{2, 2}, {1, 1}, {2, 2}, {1, 1}, {3, 0}};
  EXPECT_EQ(pareto_ranks(points2), std::vector<int>({2, 1, 2, 1, 1}));
  EXPECT_EQ(pareto_ranks_nd(points2), std::vector<int>({2, 1, 2, 1, 1}));
  const Points points3 = {{1, 1, 1}, {1, 1, 1}, {2, 2, 2}, {2, 2, 2}};
  EXPECT_EQ(pareto_ranks_3d(points3), std::vector<int>({1, 1, 2, 2}));
  EXPECT_EQ(pareto_ranks_nd(points3), std::vector<int>({1, 1, 2, 2}));
  const Points points4 = {{0, 0, 0, 1}, {0, 0, 0, 1}, {0, 0, 0, 0}};
  EXPECT_EQ(pareto_ranks(points4), std::vector<int>({2, 2, 1}));
}

TEST(RankingTest, EqualFirstObjectiveStillDominates) {
  EXPECT_EQ(pareto_ranks({{1, 3}, {1, 2}}), std::vector<int>({2, 1}));
  EXPECT_EQ(pareto_ranks({{1, 2, 4}, {1, 2, 3}}), std::vector<int>({2, 1}));
  EXPECT_EQ(pareto_ranks({{1, 2, 3, 5}, {1, 2, 3, 4}}),
            std::vector<int>({2, 1}));
}

TEST(RankingTest, IncomparablePointsAreAllRankOne) {
  const Points points = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};
  EXPECT_EQ(pareto_ranks(points), std::vector<int>({1, 1, 1}));
}

TEST(RankingTest, LongChains) {
  for (std::size_t dims = 2; dims <= 5; ++dims) {
    Points points;
    for (int i = 299; i >= 0; --i) points.push_back(Point(dims, i));
    std::vector<int> expected;
    for (int i = 299; i >= 0; --i) expected.push_back(i + 1);
    EXPECT_EQ(pareto_ranks(points), expected) << dims << " objectives";
    EXPECT_EQ(pareto_ranks_nd(points), expected) << dims << " objectives";
  }
}

TEST(RankingTest, Infinities) {
  const double inf = std::numeric_limits<double>::infinity();
  const Points points = {{inf, inf}, {-inf, 1}, {0, inf}, {-inf, 1}};
  EXPECT_EQ(pareto_ranks(points), std::vector<int>({3, 1, 2, 1}));
}

TEST(RankingTest, NanIsRejectedNamingThePoint) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Points points = {{1, 2}, {3, 4}, {5, nan}};
  try {
    pareto_ranks(points);
    FAIL() << "expected prpnas::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("point 2"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("NaN"), std::string::npos);
  }
  EXPECT_THROW(pareto_ranks_2d(points), Error);
  EXPECT_THROW(pareto_ranks_nd(points), Error);
  EXPECT_THROW(non_dominated(points), Error);
  EXPECT_THROW(pareto_ranks({{nan}}), Error);
  EXPECT_THROW(pareto_ranks_3d({{0, 0, 0}, {nan, 0, 0}}), Error);
}

TEST(RankingTest, MismatchedSizesAreRejectedNamingThePoint) {
  const Points points = {{1, 2, 3}, {1, 2, 3}, {1, 2}};
  try {
    pareto_ranks(points);
    FAIL() << "expected prpnas::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("point 2"), std::string::npos);
  }
  EXPECT_THROW(pareto_ranks_3d(points), Error);
  EXPECT_THROW(pareto_ranks_nd(points), Error);
  EXPECT_THROW(pareto_ranks({{}}), Error);
}

TEST(RankingTest, DimensionSpecificFunctionsRejectOtherDimensions) {
  EXPECT_THROW(pareto_ranks_2d({{1, 2, 3}}), Error);
  EXPECT_THROW(pareto_ranks_3d({{1, 2}}), Error);
}

TEST(RankingPropertyTest, MatchesReferenceOnSmallIntegerGrid) {
  std::mt19937 rng(12345);
  std::uniform_int_distribution<std::size_t> size(0, 300);
  for (std::size_t dims = 1; dims <= 5; ++dims) {
    for (int trial = 0; trial < 30; ++trial) {
      const std::size_t n = trial < 3 ? trial : size(rng);
      SCOPED_TRACE(std::to_string(dims) + " objectives, trial " +
                   std::to_string(trial) + ", " + std::to_string(n) +
                   " points");
      expect_ranks_correct(grid_points(rng, n, dims, 5));
    }
  }
}

TEST(RankingPropertyTest, MatchesReferenceOnBinaryGrid) {
  // Almost every point has an exact duplicate.
  std::mt19937 rng(777);
  std::uniform_int_distribution<std::size_t> size(0, 300);
  for (std::size_t dims = 2; dims <= 5; ++dims) {
    for (int trial = 0; trial < 15; ++trial) {
      const std::size_t n = size(rng);
      SCOPED_TRACE(std::to_string(dims) + " objectives, trial " +
                   std::to_string(trial) + ", " + std::to_string(n) +
                   " points");
      expect_ranks_correct(grid_points(rng, n, dims, 1));
    }
  }
}

TEST(RankingPropertyTest, MatchesReferenceWithConstantFirstObjective) {
  // All the work then falls on the later objectives.
  std::mt19937 rng(4242);
  std::uniform_int_distribution<std::size_t> size(0, 300);
  for (std::size_t dims = 2; dims <= 5; ++dims) {
    for (int trial = 0; trial < 15; ++trial) {
      const std::size_t n = size(rng);
      SCOPED_TRACE(std::to_string(dims) + " objectives, trial " +
                   std::to_string(trial) + ", " + std::to_string(n) +
                   " points");
      Points points = grid_points(rng, n, dims, 5);
      for (Point& p : points) p[0] = 1.0;
      expect_ranks_correct(points);
    }
  }
}

TEST(RankingPropertyTest, MatchesReferenceOnContinuousValues) {
  std::mt19937 rng(2024);
  std::uniform_int_distribution<std::size_t> size(0, 300);
  for (std::size_t dims = 1; dims <= 5; ++dims) {
    for (int trial = 0; trial < 30; ++trial) {
      const std::size_t n = size(rng);
      SCOPED_TRACE(std::to_string(dims) + " objectives, trial " +
                   std::to_string(trial) + ", " + std::to_string(n) +
                   " points");
      expect_ranks_correct(continuous_points(rng, n, dims));
    }
  }
}

TEST(RankingPropertyTest, ResultDoesNotDependOnInputOrder) {
  std::mt19937 rng(99);
  for (std::size_t dims = 2; dims <= 4; ++dims) {
    Points points = grid_points(rng, 200, dims, 4);
    const std::vector<int> ranks = pareto_ranks(points);
    std::vector<std::size_t> perm(points.size());
    for (std::size_t i = 0; i < perm.size(); ++i) perm[i] = i;
    std::shuffle(perm.begin(), perm.end(), rng);
    Points shuffled;
    for (std::size_t i : perm) shuffled.push_back(points[i]);
    const std::vector<int> shuffled_ranks = pareto_ranks(shuffled);
    for (std::size_t k = 0; k < perm.size(); ++k) {
      EXPECT_EQ(shuffled_ranks[k], ranks[perm[k]]);
    }
  }
}

}  // namespace
}  // namespace prpnas::pareto
