#include "prpnas/pareto/front_metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "prpnas/pareto/front_quality.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/util/error.h"
#include "prpnas/util/printable.h"

namespace prpnas::pareto {
namespace {

// The true front's nadir plus 10% of its range, once scaled to that range.
constexpr double kScaledFrontReference = 1.1;

// Throws DataError unless every point has `dimension` objectives, all finite:
// the scaling needs a finite range, and inf - inf is no distance.
void check_metric_points(const Points& points, std::size_t dimension, const char* caller, const char* name) {
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i].size() != dimension) {
      throw DataError(fmt::format("{}: {} point {} has {} objectives, expected {}; give every point the "
                                  "same objectives",
                                  caller, name, i, points[i].size(), dimension));
    }
    for (double v : points[i]) {
      if (!std::isfinite(v)) {
        throw DataError(fmt::format("{}: {} point {} has a {} objective; drop or fix it first", caller, name, i,
                                    std::isnan(v) ? "NaN" : "infinite"));
      }
    }
  }
}

// The dimension of a non-empty true front, checked against `found`.
std::size_t checked_metric_dimension(const Points& found, const Points& truth, const char* caller) {
  if (truth.empty()) throw ConfigError(fmt::format("{}: the true front is empty; it needs at least one point", caller));
  const std::size_t dimension = truth.front().size();
  if (dimension == 0) throw DataError(fmt::format("{}: the true front's points have no objectives", caller));
  check_metric_points(truth, dimension, caller, "true front");
  check_metric_points(found, dimension, caller, "found front");
  return dimension;
}

void check_named_front(const NamedFront& front, const char* name) {
  if (front.points.size() != front.architectures.size()) {
    throw DataError(fmt::format("front_metrics: the {} has {} points but {} architectures; give one "
                                "architecture per point",
                                name, front.points.size(), front.architectures.size()));
  }
}

}  // namespace

FrontMetrics front_metrics(const NamedFront& truth, const NamedFront& found, double tolerance) {
  if (!(tolerance >= 0)) {
    throw ConfigError(fmt::format("front_metrics: the hit tolerance is {}; give a value >= 0", tolerance));
  }
  check_named_front(truth, "true front");
  check_named_front(found, "found front");
  const std::size_t dimension = checked_metric_dimension(found.points, truth.points, "front_metrics");
  // A dominated "true" point would count as a miss the found front could never avoid.
  if (non_dominated(truth.points).size() != truth.points.size()) {
    throw DataError("front_metrics: a point of the true front is dominated by another; pass its "
                    "non-dominated points only");
  }
  std::unordered_set<std::string_view> true_names;
  for (const std::string& name : truth.architectures) {
    if (!true_names.insert(name).second) {
      throw DataError("front_metrics: the true front names architecture " + echoed(name) +
                      " twice; name each once");
    }
  }

  const Points true_scaled = scaled_to_front(truth.points, truth.points);
  const Points found_scaled = scaled_to_front(found.points, truth.points);
  FrontMetrics metrics;
  metrics.true_front_size = truth.points.size();
  metrics.hypervolume_ratio =
      front_approximation(found_scaled, true_scaled, Point(dimension, kScaledFrontReference));
  // Architectures sharing a point are one point of the front: count it once.
  Points distinct = true_scaled;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  metrics.igd_plus = igd_plus(found_scaled, distinct);
  metrics.epsilon = additive_epsilon(found_scaled, distinct);

  const std::unordered_set<std::string_view> found_names(found.architectures.begin(), found.architectures.end());
  for (const std::string& name : truth.architectures) metrics.exact_hits += found_names.count(name);
  for (const Point& z : true_scaled) {
    const bool near = std::any_of(found_scaled.begin(), found_scaled.end(), [&](const Point& a) {
      for (std::size_t k = 0; k < dimension; ++k) {
        if (!(std::abs(a[k] - z[k]) <= tolerance)) return false;
      }
      return true;
    });
    if (near) ++metrics.near_hits;
  }
  return metrics;
}

Points scaled_to_front(const Points& points, const Points& true_front) {
  const std::size_t dimension = checked_metric_dimension(points, true_front, "scaled_to_front");
  Point best = true_front.front(), worst = true_front.front();
  for (const Point& p : true_front) {
    for (std::size_t k = 0; k < dimension; ++k) {
      best[k] = std::min(best[k], p[k]);
      worst[k] = std::max(worst[k], p[k]);
    }
  }
  Points scaled = points;
  for (Point& p : scaled) {
    for (std::size_t k = 0; k < dimension; ++k) {
      const double range = worst[k] - best[k];
      p[k] = (p[k] - best[k]) / (range > 0 ? range : 1.0);
    }
  }
  return scaled;
}

double igd_plus(const Points& found, const Points& truth) {
  const std::size_t dimension = checked_metric_dimension(found, truth, "igd_plus");
  if (found.empty()) return std::numeric_limits<double>::infinity();
  double sum = 0;
  for (const Point& z : truth) {
    double nearest = std::numeric_limits<double>::infinity();
    for (const Point& a : found) {
      double squares = 0;
      for (std::size_t k = 0; k < dimension; ++k) {
        const double worse_by = std::max(a[k] - z[k], 0.0);
        squares += worse_by * worse_by;
      }
      nearest = std::min(nearest, std::sqrt(squares));
    }
    sum += nearest;
  }
  return sum / static_cast<double>(truth.size());
}

double additive_epsilon(const Points& found, const Points& truth) {
  const std::size_t dimension = checked_metric_dimension(found, truth, "additive_epsilon");
  if (found.empty()) return std::numeric_limits<double>::infinity();
  double epsilon = -std::numeric_limits<double>::infinity();
  for (const Point& z : truth) {
    // The smallest shift by which one found point covers z.
    double cover = std::numeric_limits<double>::infinity();
    for (const Point& a : found) {
      double shift = -std::numeric_limits<double>::infinity();
      for (std::size_t k = 0; k < dimension; ++k) shift = std::max(shift, a[k] - z[k]);
      cover = std::min(cover, shift);
    }
    epsilon = std::max(epsilon, cover);
  }
  return epsilon;
}

}  // namespace prpnas::pareto
