#include "prpnas/pareto/hypervolume.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "prpnas/pareto/front_quality.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

// Exact for small sets: split space into the cells of the grid made of every
// distinct coordinate below the reference plus the reference, and sum the
// cells whose lower corner some point reaches. Shares no code with the
// library, not even the filter for points outside the reference.
double brute_force(const Points& points, const Point& reference) {
  const std::size_t d = reference.size();
  std::vector<std::vector<double>> grid(d);
  for (std::size_t k = 0; k < d; ++k) {
    for (const Point& p : points) {
      if (p[k] < reference[k]) grid[k].push_back(p[k]);
    }
    std::sort(grid[k].begin(), grid[k].end());
    grid[k].erase(std::unique(grid[k].begin(), grid[k].end()), grid[k].end());
    if (grid[k].empty()) return 0;
    grid[k].push_back(reference[k]);
  }
  std::vector<std::size_t> cell(d, 0);
  double volume = 0;
  while (true) {
    const bool covered = std::any_of(points.begin(), points.end(), [&](const Point& p) {
      for (std::size_t k = 0; k < d; ++k) {
        if (!(p[k] <= grid[k][cell[k]])) return false;
      }
      return true;
    });
    if (covered) {
      double size = 1;
      for (std::size_t k = 0; k < d; ++k) size *= grid[k][cell[k] + 1] - grid[k][cell[k]];
      volume += size;
    }
    // Next cell, odometer style.
    std::size_t k = 0;
    while (k < d && ++cell[k] + 1 == grid[k].size()) cell[k++] = 0;
    if (k == d) return volume;
  }
}

void expect_close(double actual, double expected, const std::string& what) {
  EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected))) << what;
}

// Integer coordinates in [0, 5] with reference 5 give many ties, duplicates
// and points on the reference boundary; continuous ones test the general case.
Points random_points(std::mt19937& rng, std::size_t n, std::size_t d, bool integer) {
  std::uniform_int_distribution<int> small(0, 5);
  std::uniform_real_distribution<double> real(-1.0, 1.2);
  Points points(n, Point(d));
  for (Point& p : points) {
    for (double& v : p) v = integer ? small(rng) : real(rng);
  }
  return points;
}

Point reference_for(std::size_t d, bool integer) { return Point(d, integer ? 5.0 : 1.0); }

// The algorithms that accept a reference of size d.
std::vector<std::pair<std::string, std::function<double(const Points&, const Point&)>>>
algorithms_for(std::size_t d) {
  std::vector<std::pair<std::string, std::function<double(const Points&, const Point&)>>> all = {
      {"hypervolume", hypervolume}, {"hypervolume_nd", hypervolume_nd}};
  if (d == 2) all.emplace_back("hypervolume_2d", hypervolume_2d);
  if (d == 3) all.emplace_back("hypervolume_3d", hypervolume_3d);
  return all;
}

void expect_all_match_brute_force(const Points& points, const Point& reference, const std::string& label) {
  const double expected = brute_force(points, reference);
  for (const auto& [name, algorithm] : algorithms_for(reference.size())) {
    expect_close(algorithm(points, reference), expected, name + " " + label);
  }
}

TEST(HypervolumeTest, SingleBoxInEveryDimension) {
  for (std::size_t d = 1; d <= 5; ++d) {
    const Point reference(d, 4.0);
    Point p(d);
    double expected = 1;
    for (std::size_t k = 0; k < d; ++k) {
      p[k] = static_cast<double>(k % 3);
      expected *= 4.0 - p[k];
    }
    for (const auto& [name, algorithm] : algorithms_for(d)) {
      EXPECT_DOUBLE_EQ(algorithm({p}, reference), expected) << name << " d=" << d;
    }
  }
}

TEST(HypervolumeTest, TwoOverlappingBoxesGiveTheUnionArea) {
  // 3*1 + 2*3 - 2*1 (the overlap [2,4]x[3,4]).
  const Points points = {{1, 3}, {2, 1}};
  EXPECT_DOUBLE_EQ(hypervolume_2d(points, {4, 4}), 7.0);
  EXPECT_DOUBLE_EQ(hypervolume_nd(points, {4, 4}), 7.0);
}

TEST(HypervolumeTest, StaircaseIn3D) {
  // Three boxes of 6, pairwise overlaps of 2, triple overlap of 1: 18 - 6 + 1.
  const Points points = {{1, 2, 3}, {2, 3, 1}, {3, 1, 2}};
  EXPECT_DOUBLE_EQ(hypervolume_3d(points, {4, 4, 4}), 13.0);
  EXPECT_DOUBLE_EQ(hypervolume_nd(points, {4, 4, 4}), 13.0);
  EXPECT_DOUBLE_EQ(hypervolume(points, {4, 4, 4}), 13.0);
}

TEST(HypervolumeTest, PointOnOrBeyondTheReferenceContributesNothing) {
  EXPECT_EQ(hypervolume({{2, 4}}, {4, 4}), 0.0);
  EXPECT_EQ(hypervolume({{5, 1}}, {4, 4}), 0.0);
  EXPECT_EQ(hypervolume({{1, 1, 4}}, {4, 4, 4}), 0.0);
  EXPECT_EQ(hypervolume({{1, 1, 1, 4}}, {4, 4, 4, 4}), 0.0);
  EXPECT_EQ(hypervolume({{4}}, {4}), 0.0);
  // Alongside a real point, too: a boundary point with a lower f0 would
  // otherwise stretch the first box.
  EXPECT_DOUBLE_EQ(hypervolume({{0, 4}, {2, 2}}, {4, 4}), 4.0);
  EXPECT_DOUBLE_EQ(hypervolume({{0, 0, 4}, {2, 2, 2}}, {4, 4, 4}), 8.0);
}

TEST(HypervolumeTest, DominatedAndDuplicatePointsChangeNothing) {
  const Points front = {{1, 3, 2, 1}, {2, 1, 3, 2}, {3, 2, 1, 3}};
  Points crowded = front;
  crowded.push_back(front[1]);
  crowded.push_back({2, 3, 2, 1});  // dominated by front[0]
  crowded.push_back({3, 3, 3, 3});  // dominated by all
  crowded.insert(crowded.begin(), front[2]);
  for (std::size_t d = 2; d <= 4; ++d) {
    Points a, b;
    for (const Point& p : front) a.emplace_back(p.begin(), p.begin() + d);
    for (const Point& p : crowded) b.emplace_back(p.begin(), p.begin() + d);
    const Point reference(d, 4.0);
    for (const auto& [name, algorithm] : algorithms_for(d)) {
      EXPECT_DOUBLE_EQ(algorithm(b, reference), algorithm(a, reference)) << name << " d=" << d;
    }
  }
}

TEST(HypervolumeTest, OneDimension) {
  EXPECT_DOUBLE_EQ(hypervolume({{3}, {1}, {5}}, {4}), 3.0);
  EXPECT_DOUBLE_EQ(hypervolume_nd({{3}, {1}, {5}}, {4}), 3.0);
  EXPECT_EQ(hypervolume({}, {4}), 0.0);
}

TEST(HypervolumeTest, EmptySetHasZeroVolume) {
  for (std::size_t d = 1; d <= 5; ++d) {
    for (const auto& [name, algorithm] : algorithms_for(d)) {
      EXPECT_EQ(algorithm({}, Point(d, 1.0)), 0.0) << name << " d=" << d;
    }
  }
}

TEST(HypervolumeTest, RejectsBadInput) {
  EXPECT_THROW(hypervolume({{1, 2}}, {}), Error);
  EXPECT_THROW(hypervolume_nd({}, {}), Error);
  EXPECT_THROW(hypervolume({{1, 2}, {1, 2, 3}}, {4, 4}), Error);
  EXPECT_THROW(hypervolume_3d({{1, 2}}, {4, 4, 4}), Error);
  EXPECT_THROW(hypervolume_2d({{1, 2, 3}}, {4, 4, 4}), Error);
  EXPECT_THROW(hypervolume_3d({{1, 2}}, {4, 4}), Error);
  EXPECT_THROW(hypervolume({{1, 1}}, {4, std::nan("")}), Error);
  // A point outside the reference is still checked.
  EXPECT_THROW(hypervolume({{9, 9}, {9}}, {4, 4}), Error);
  try {
    hypervolume({{1, 1, 1, 1}, {2, 2, 2, 2}, {1, std::nan(""), 1, 1}}, {4, 4, 4, 4});
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("point 2"), std::string::npos) << e.what();
  }
}

TEST(HypervolumeTest, BruteForceAgreesWithHandCases) {
  EXPECT_DOUBLE_EQ(brute_force({{1, 3}, {2, 1}}, {4, 4}), 7.0);
  EXPECT_DOUBLE_EQ(brute_force({{1, 2, 3}, {2, 3, 1}, {3, 1, 2}}, {4, 4, 4}), 13.0);
  EXPECT_DOUBLE_EQ(brute_force({{2, 4}, {5, 1}}, {4, 4}), 0.0);
}

TEST(HypervolumeTest, MatchesBruteForceIn2DAnd3D) {
  std::mt19937 rng(7);
  for (std::size_t d = 2; d <= 3; ++d) {
    for (bool integer : {true, false}) {
      for (std::size_t n : {0, 1, 2, 3, 5, 8, 13, 21, 34, 60}) {
        for (int repeat = 0; repeat < 3; ++repeat) {
          const Points points = random_points(rng, n, d, integer);
          expect_all_match_brute_force(points, reference_for(d, integer),
                                       "d=" + std::to_string(d) + " n=" + std::to_string(n) +
                                           (integer ? " integer" : " real"));
        }
      }
    }
  }
}

TEST(HypervolumeTest, MatchesBruteForceIn4DAnd5D) {
  std::mt19937 rng(11);
  for (std::size_t d = 4; d <= 5; ++d) {
    for (bool integer : {true, false}) {
      for (std::size_t n = 0; n <= 12; ++n) {
        for (int repeat = 0; repeat < 6; ++repeat) {
          const Points points = random_points(rng, n, d, integer);
          expect_all_match_brute_force(points, reference_for(d, integer),
                                       "d=" + std::to_string(d) + " n=" + std::to_string(n) +
                                           (integer ? " integer" : " real"));
        }
      }
    }
  }
}

TEST(HypervolumeTest, MatchesBruteForceOnMutuallyNonDominatedPoints) {
  // Points on a simplex never dominate each other, so the WFG limit sets are
  // as large as they get.
  std::mt19937 rng(13);
  std::uniform_int_distribution<int> part(0, 6);
  for (std::size_t d = 3; d <= 5; ++d) {
    Points points;
    for (int i = 0; i < 12; ++i) {
      Point p(d);
      int left = 6;
      for (std::size_t k = 0; k + 1 < d; ++k) {
        p[k] = std::min(left, part(rng));
        left -= static_cast<int>(p[k]);
      }
      p[d - 1] = left;
      points.push_back(p);
    }
    expect_all_match_brute_force(points, Point(d, 7.0), "simplex d=" + std::to_string(d));
  }
}

TEST(HypervolumeTest, ConstantExtraObjectiveScalesTheVolume) {
  // Adding an objective equal to 0.25 everywhere, with reference 2, stretches
  // the volume by 1.75. This checks 3-D against 2-D, and WFG at 4-5 D on sets
  // too large for the brute force.
  std::mt19937 rng(17);
  for (std::size_t d = 2; d <= 4; ++d) {
    for (int repeat = 0; repeat < 6; ++repeat) {
      const bool integer = repeat % 2 == 0;
      const Points flat = random_points(rng, d == 4 ? 60 : 120, d, integer);
      Points lifted = flat;
      for (Point& p : lifted) p.push_back(0.25);
      Point reference = reference_for(d, integer);
      const double volume = hypervolume(flat, reference);
      reference.push_back(2.0);
      const std::string label = "d=" + std::to_string(d + 1);
      for (const auto& [name, algorithm] : algorithms_for(d + 1)) {
        expect_close(algorithm(lifted, reference), 1.75 * volume, name + " " + label);
      }
    }
  }
}

TEST(HypervolumeTest, InvariantUnderPermutingObjectives) {
  std::mt19937 rng(19);
  for (std::size_t d = 2; d <= 5; ++d) {
    for (bool integer : {true, false}) {
      const Points points = random_points(rng, d <= 3 ? 50 : 25, d, integer);
      const Point reference = reference_for(d, integer);
      const double expected = hypervolume(points, reference);
      std::vector<std::size_t> order(d);
      std::iota(order.begin(), order.end(), 0);
      while (std::next_permutation(order.begin(), order.end())) {
        Points permuted;
        for (const Point& p : points) {
          Point q(d);
          for (std::size_t k = 0; k < d; ++k) q[k] = p[order[k]];
          permuted.push_back(q);
        }
        // The reference is the same in every objective, so it needs no permuting.
        for (const auto& [name, algorithm] : algorithms_for(d)) {
          expect_close(algorithm(permuted, reference), expected, name + " d=" + std::to_string(d));
        }
      }
    }
  }
}

TEST(FrontQualityTest, ApproximationIsOneForTheTrueFront) {
  const Points truth = {{1, 3}, {2, 2}, {3, 1}};
  EXPECT_DOUBLE_EQ(front_approximation(truth, truth, {4, 4}), 1.0);
}

TEST(FrontQualityTest, ApproximationIsBelowOneForASubset) {
  const Points truth = {{1, 3}, {2, 2}, {3, 1}};
  const Points found = {{1, 3}, {3, 1}};
  // Truth covers 3+2+1 = 6; the subset misses the unit square at (2,2).
  EXPECT_DOUBLE_EQ(front_approximation(found, truth, {4, 4}), 5.0 / 6.0);
  EXPECT_EQ(front_approximation({}, truth, {4, 4}), 0.0);
}

TEST(FrontQualityTest, ApproximationIsNaNWhenTheTruthHasNoVolume) {
  EXPECT_TRUE(std::isnan(front_approximation({{1, 1}}, {{5, 5}}, {4, 4})));
  EXPECT_TRUE(std::isnan(front_approximation({}, {}, {4, 4})));
}

TEST(FrontQualityTest, ApproximationRejectsMismatchedDimensions) {
  EXPECT_THROW(front_approximation({{1, 1, 1}}, {{1, 1}}, {4, 4}), Error);
  EXPECT_THROW(front_approximation({{1, 1}}, {{1, 1, 1}}, {4, 4}), Error);
}

TEST(FrontQualityTest, NearFrontReferenceIsTheWorstValuesPlusATenthOfTheRange) {
  EXPECT_EQ(near_front_reference({{1, 3}, {2, 2}, {3, 1}}), (Point{3.2, 3.2}));
  EXPECT_EQ(near_front_reference({{1, 3}, {2, 2}, {3, 1}}, 0.5), (Point{4, 4}));
  EXPECT_EQ(near_front_reference({{-7, 2}}), (Point{-7, 2}));  // one point: no range
  EXPECT_THROW(near_front_reference({}), Error);
}

TEST(FrontQualityTest, NearFrontReferenceLetsEveryFrontPointAddVolume) {
  // Every point of a random front with distinct values per objective adds
  // volume against it (removing one loses some), so the ratio judges
  // coverage of the whole front.
  std::mt19937 rng(23);
  for (int trial = 0; trial < 50; ++trial) {
    const Points points = random_points(rng, 20, 2, false);
    Points front;
    for (std::size_t i : non_dominated(points)) front.push_back(points[i]);
    const Point reference = near_front_reference(front);
    for (const Point& p : front) {
      for (std::size_t k = 0; k < p.size(); ++k) EXPECT_LE(p[k], reference[k]);
    }
    if (front.size() < 2) continue;  // one point spans no range: no volume to share
    for (std::size_t drop = 0; drop < front.size(); ++drop) {
      Points rest = front;
      rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(drop));
      EXPECT_LT(front_approximation(rest, front, reference), 1.0) << "trial " << trial << " drop " << drop;
    }
  }
}

TEST(FrontQualityTest, IgdIsZeroWhenFoundContainsTheTrueFront) {
  const Points truth = {{1, 3}, {2, 2}, {3, 1}, {3, 3}};
  const Points found = {{5, 0}, {3, 1}, {1, 3}, {2, 2}};
  EXPECT_EQ(igd(found, truth), 0.0);
  // The dominated truth point (3,3) is not part of the true front.
  EXPECT_EQ(igd({{1, 3}, {2, 2}, {3, 1}}, truth), 0.0);
}

TEST(FrontQualityTest, IgdHandComputed) {
  // True front (0,1), (1,0); (2,2) is dominated and ignored.
  // (0,1) -> (0,2) at 1; (1,0) -> (3,0) at 2. Mean 1.5.
  const Points truth = {{0, 1}, {2, 2}, {1, 0}};
  EXPECT_DOUBLE_EQ(igd({{0, 2}, {3, 0}}, truth), 1.5);
  // One found point: distances 1 and sqrt(5).
  EXPECT_DOUBLE_EQ(igd({{0, 2}}, truth), (1.0 + std::sqrt(5.0)) / 2.0);
  // The true front is a set: a repeated true point does not weigh twice.
  EXPECT_DOUBLE_EQ(igd({{0, 2}}, {{0, 1}, {1, 0}, {1, 0}, {1, 0}}), (1.0 + std::sqrt(5.0)) / 2.0);
}

TEST(FrontQualityTest, IgdEdgeCases) {
  EXPECT_TRUE(std::isnan(igd({{1, 1}}, {})));
  EXPECT_TRUE(std::isnan(igd({}, {})));
  EXPECT_EQ(igd({}, {{1, 1}}), std::numeric_limits<double>::infinity());
  EXPECT_THROW(igd({{1, 1, 1}}, {{1, 1}}), Error);
  EXPECT_THROW(igd({{1, 1}}, {{1, 1}, {1}}), Error);
}

}  // namespace
}  // namespace prpnas::pareto
