#include "prpnas/pareto/front_metrics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "prpnas/pareto/hypervolume.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The true front of `candidates` random points in [0, 10]^d, each named "t<i>".
NamedFront random_true_front(std::mt19937& rng, std::size_t candidates, std::size_t d) {
  std::uniform_real_distribution<double> value(0, 10);
  Points points(candidates, Point(d));
  for (Point& p : points) {
    for (double& v : p) v = value(rng);
  }
  NamedFront front;
  for (std::size_t i : non_dominated(points)) {
    front.points.push_back(points[i]);
    front.architectures.push_back(fmt::format("t{}", i));
  }
  return front;
}

// Some true points under their own names, some moved a little (other names),
// some random points anywhere around the front.
NamedFront random_found_front(std::mt19937& rng, const NamedFront& truth) {
  std::uniform_real_distribution<double> unit(0, 1), nudge(-0.08, 0.08), value(-1, 12);
  NamedFront found;
  for (std::size_t i = 0; i < truth.points.size(); ++i) {
    const double u = unit(rng);
    if (u < 0.3) {
      found.points.push_back(truth.points[i]);
      found.architectures.push_back(truth.architectures[i]);
    } else if (u < 0.6) {
      Point p = truth.points[i];
      for (double& v : p) v += nudge(rng);
      found.points.push_back(p);
      found.architectures.push_back(fmt::format("moved{}", i));
    }
  }
  for (int j = 0; j < 5; ++j) {
    Point p(truth.points.front().size());
    for (double& v : p) v = value(rng);
    found.points.push_back(p);
    found.architectures.push_back(fmt::format("random{}", j));
  }
  return found;
}

// The definitions written out directly, sharing no code with the library.
double brute_igd_plus(const Points& found, const Points& truth) {
  double sum = 0;
  for (const Point& z : truth) {
    double nearest = kInfinity;
    for (const Point& a : found) {
      double squares = 0;
      for (std::size_t k = 0; k < z.size(); ++k) {
        if (a[k] > z[k]) squares += (a[k] - z[k]) * (a[k] - z[k]);
      }
      nearest = std::min(nearest, std::sqrt(squares));
    }
    sum += nearest;
  }
  return sum / static_cast<double>(truth.size());
}

// Does every true point have a found point that, moved by -eps, weakly dominates it?
bool covered_with_shift(const Points& found, const Points& truth, double eps) {
  return std::all_of(truth.begin(), truth.end(), [&](const Point& z) {
    return std::any_of(found.begin(), found.end(), [&](const Point& a) {
      for (std::size_t k = 0; k < z.size(); ++k) {
        if (a[k] - eps > z[k]) return false;
      }
      return true;
    });
  });
}

// The smallest such eps by bisection: covered_with_shift is monotone in eps.
double bisected_epsilon(const Points& found, const Points& truth) {
  double lo = -100, hi = 100;  // not covered at -100, covered at 100 (values in [-1, 12])
  for (int i = 0; i < 200; ++i) {
    const double mid = (lo + hi) / 2;
    (covered_with_shift(found, truth, mid) ? hi : lo) = mid;
  }
  return hi;
}

// Each objective scaled by the true front's range, computed here on its own.
Points brute_scaled(const Points& points, const Points& truth) {
  Points scaled = points;
  for (std::size_t k = 0; k < truth.front().size(); ++k) {
    double lo = kInfinity, hi = -kInfinity;
    for (const Point& z : truth) lo = std::min(lo, z[k]), hi = std::max(hi, z[k]);
    const double range = hi == lo ? 1 : hi - lo;
    for (Point& p : scaled) p[k] = (p[k] - lo) / range;
  }
  return scaled;
}

TEST(FrontMetrics, FoundEqualToTheTrueFrontScoresPerfectly) {
  std::mt19937 rng(1);
  for (std::size_t d = 1; d <= 4; ++d) {
    const NamedFront truth = random_true_front(rng, 80, d);
    const FrontMetrics m = front_metrics(truth, truth);
    EXPECT_DOUBLE_EQ(m.hypervolume_ratio, 1) << "d=" << d;
    EXPECT_EQ(m.igd_plus, 0) << "d=" << d;
    EXPECT_EQ(m.epsilon, 0) << "d=" << d;  // not below: no point of a front strictly dominates another
    EXPECT_EQ(m.exact_hits, truth.points.size());
    EXPECT_EQ(m.near_hits, truth.points.size());
    EXPECT_EQ(m.true_front_size, truth.points.size());
  }
}

TEST(FrontMetrics, HandComputedTwoObjectiveCase) {
  // Range 4 in both objectives: scaled, the truth is (0,1), (0.5,0.5), (1,0)
  // and the reference (1.1, 1.1). HV(truth) = 1.1*0.1 + 0.6*0.5 + 0.1*0.5 = 0.46.
  const NamedFront truth{{{0, 4}, {2, 2}, {4, 0}}, {"a", "b", "c"}};
  const NamedFront middle{{{2, 2}}, {"b"}};
  const FrontMetrics m = front_metrics(truth, middle);
  EXPECT_NEAR(m.hypervolume_ratio, 0.6 * 0.6 / 0.46, 1e-12);
  EXPECT_NEAR(m.igd_plus, (0.5 + 0 + 0.5) / 3, 1e-12);  // worse by 0.5 in one objective at each end
  EXPECT_NEAR(m.epsilon, 0.5, 1e-12);
  EXPECT_EQ(m.exact_hits, 1u);
  EXPECT_EQ(m.near_hits, 1u);
  EXPECT_EQ(m.true_front_size, 3u);

  // Another architecture on b's point is a near hit, not an exact one.
  const FrontMetrics twin = front_metrics(truth, {{{2, 2}}, {"b-twin"}});
  EXPECT_EQ(twin.exact_hits, 0u);
  EXPECT_EQ(twin.near_hits, 1u);

  // A point beyond the true front: IGD+ does not reward it, epsilon does.
  // Scaled it is (-0.25, -0.25): covers every true point with a margin of 0.25.
  const FrontMetrics beyond = front_metrics(truth, {{{-1, -1}}, {"x"}});
  EXPECT_EQ(beyond.igd_plus, 0);
  EXPECT_NEAR(beyond.epsilon, -0.25, 1e-12);
  EXPECT_NEAR(beyond.hypervolume_ratio, 1.35 * 1.35 / 0.46, 1e-12);
  EXPECT_EQ(beyond.near_hits, 0u);

  // Outside the reference box: no volume.
  EXPECT_EQ(front_metrics(truth, {{{10, 10}}, {"far"}}).hypervolume_ratio, 0);
}

TEST(FrontMetrics, ArchitecturesSharingAPointAreOnePointOfTheFront) {
  const NamedFront truth{{{0, 1}, {0, 1}, {1, 0}}, {"a", "a-twin", "b"}};
  const FrontMetrics m = front_metrics(truth, {{{0, 1}}, {"a"}});
  EXPECT_NEAR(m.igd_plus, (0 + 1) / 2.0, 1e-12);  // not (0 + 0 + 1) / 3
  EXPECT_EQ(m.exact_hits, 1u);
  EXPECT_EQ(m.near_hits, 2u);
  EXPECT_EQ(m.true_front_size, 3u);
}

TEST(FrontMetrics, AConstantObjectiveIsOnlyShifted) {
  // One true point: its range is 0 in both objectives, taken as 1, so the
  // reference is 1.1 units behind it.
  const NamedFront truth{{{3, 5}}, {"only"}};
  const FrontMetrics m = front_metrics(truth, {{{3.5, 5}}, {"near"}});
  EXPECT_NEAR(m.hypervolume_ratio, 0.6 * 1.1 / (1.1 * 1.1), 1e-12);
  EXPECT_NEAR(m.igd_plus, 0.5, 1e-12);
  EXPECT_NEAR(m.epsilon, 0.5, 1e-12);
  EXPECT_EQ(scaled_to_front({{3.5, 4}}, truth.points), (Points{Point{0.5, -1}}));
}

TEST(FrontMetrics, TheToleranceBandIsInScaledUnits) {
  // Range 128 (exact in binary): 1 unit is 0.0078125 scaled, 2 units 0.015625.
  const NamedFront truth{{{0, 128}, {128, 0}}, {"a", "b"}};
  const NamedFront found{{{1, 128}, {130, 0}}, {"x", "y"}};
  EXPECT_EQ(front_metrics(truth, found).near_hits, 1u);
  EXPECT_EQ(front_metrics(truth, found, 0.015625).near_hits, 2u);  // the boundary is in the band
  EXPECT_EQ(front_metrics(truth, found, 0.0078).near_hits, 0u);
  EXPECT_EQ(front_metrics(truth, found, 0).near_hits, 0u);
}

TEST(FrontMetrics, NothingFoundScoresWorst) {
  const NamedFront truth{{{0, 1}, {1, 0}}, {"a", "b"}};
  const FrontMetrics m = front_metrics(truth, {});
  EXPECT_EQ(m.hypervolume_ratio, 0);
  EXPECT_EQ(m.igd_plus, kInfinity);
  EXPECT_EQ(m.epsilon, kInfinity);
  EXPECT_EQ(m.exact_hits, 0u);
  EXPECT_EQ(m.near_hits, 0u);
  EXPECT_EQ(m.true_front_size, 2u);
}

TEST(FrontMetrics, IgdPlusAndEpsilonMatchTheirDefinitionsOnRandomFronts) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 60; ++trial) {
    const std::size_t d = 1 + trial % 4;
    const NamedFront truth = random_true_front(rng, 50, d);
    const NamedFront found = random_found_front(rng, truth);
    EXPECT_NEAR(igd_plus(found.points, truth.points), brute_igd_plus(found.points, truth.points), 1e-12)
        << "trial " << trial;
    EXPECT_NEAR(additive_epsilon(found.points, truth.points), bisected_epsilon(found.points, truth.points), 1e-9)
        << "trial " << trial;
  }
}

TEST(FrontMetrics, AllFiguresMatchTheirDefinitionsOnRandomFronts) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 60; ++trial) {
    const std::size_t d = 2 + trial % 3;
    const NamedFront truth = random_true_front(rng, 60, d);
    const NamedFront found = random_found_front(rng, truth);
    const double tolerance = trial % 2 == 0 ? kDefaultHitTolerance : 0.02;
    const FrontMetrics m = front_metrics(truth, found, tolerance);

    const Points true_scaled = brute_scaled(truth.points, truth.points);
    const Points found_scaled = brute_scaled(found.points, truth.points);
    const Point reference(d, 1.1);
    EXPECT_NEAR(m.hypervolume_ratio,
                hypervolume(found_scaled, reference) / hypervolume(true_scaled, reference), 1e-12);
    EXPECT_NEAR(m.igd_plus, brute_igd_plus(found_scaled, true_scaled), 1e-12);  // random: no repeated points
    EXPECT_NEAR(m.epsilon, bisected_epsilon(found_scaled, true_scaled), 1e-9);

    std::size_t exact = 0, near = 0;
    for (std::size_t i = 0; i < truth.points.size(); ++i) {
      bool named = false, close = false;
      for (std::size_t j = 0; j < found.points.size(); ++j) {
        named = named || found.architectures[j] == truth.architectures[i];
        double gap = 0;
        for (std::size_t k = 0; k < d; ++k) gap = std::max(gap, std::abs(found_scaled[j][k] - true_scaled[i][k]));
        close = close || gap <= tolerance;
      }
      exact += named, near += close;
    }
    EXPECT_EQ(m.exact_hits, exact) << "trial " << trial;
    EXPECT_EQ(m.near_hits, near) << "trial " << trial;
    EXPECT_GE(m.near_hits, m.exact_hits);
    EXPECT_EQ(m.true_front_size, truth.points.size());
  }
}

TEST(FrontMetrics, RefusesInputItCannotJudge) {
  const NamedFront truth{{{0, 1}, {1, 0}}, {"a", "b"}};
  const NamedFront found{{{0.5, 0.5}}, {"x"}};
  EXPECT_THROW(front_metrics({}, found), ConfigError);
  EXPECT_THROW(front_metrics(truth, found, -0.1), ConfigError);
  EXPECT_THROW(front_metrics(truth, found, std::nan("")), ConfigError);
  EXPECT_THROW(front_metrics({{{0, 1}, {1, 0}}, {"a"}}, found), DataError);             // names != points
  EXPECT_THROW(front_metrics(truth, {{{0.5, 0.5}}, {}}), DataError);                     // names != points
  EXPECT_THROW(front_metrics({{{0, 1}, {1, 1}}, {"a", "b"}}, found), DataError);         // (1,1) is dominated
  EXPECT_THROW(front_metrics({{{0, 1}, {1, 0}}, {"a", "a"}}, found), DataError);         // a named twice
  EXPECT_THROW(front_metrics(truth, {{{0.5, 0.5, 0}}, {"x"}}), DataError);               // 3 objectives
  EXPECT_THROW(front_metrics(truth, {{{std::nan(""), 0.5}}, {"x"}}), DataError);
  EXPECT_THROW(front_metrics({{{0, kInfinity}}, {"a"}}, found), DataError);
  EXPECT_THROW(igd_plus(found.points, {}), ConfigError);
  EXPECT_THROW(additive_epsilon(found.points, {}), ConfigError);
  EXPECT_THROW(scaled_to_front(found.points, {}), ConfigError);
}

}  // namespace
}  // namespace prpnas::pareto
