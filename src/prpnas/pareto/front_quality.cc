#include "prpnas/pareto/front_quality.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include <fmt/format.h>

#include "prpnas/pareto/hypervolume.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

// Throws unless every point has `dimension` objectives and none is NaN.
void check(const Points& points, std::size_t dimension, const char* name) {
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i].size() != dimension) {
      throw Error(fmt::format("igd: {} point {} has {} objectives, expected {}; give every point "
                              "the same objectives",
                              name, i, points[i].size(), dimension));
    }
    for (double v : points[i]) {
      if (std::isnan(v)) {
        throw Error(fmt::format("igd: {} point {} has a NaN objective; drop or fix it first", name, i));
      }
    }
  }
}

double distance(const Point& a, const Point& b) {
  double sum = 0;
  for (std::size_t k = 0; k < a.size(); ++k) sum += (a[k] - b[k]) * (a[k] - b[k]);
  return std::sqrt(sum);
}

}  // namespace

double front_approximation(const Points& found, const Points& truth, const Point& reference) {
  // Both calls check sizes and NaN against the shared reference.
  const double found_volume = hypervolume(found, reference);
  const double truth_volume = hypervolume(truth, reference);
  if (truth_volume == 0) return std::numeric_limits<double>::quiet_NaN();
  return found_volume / truth_volume;
}

Point near_front_reference(const Points& front, double margin) {
  if (front.empty()) throw Error("near_front_reference: the front is empty; it needs at least one point");
  Point lo = front.front(), hi = front.front();
  for (const Point& p : front) {
    for (std::size_t k = 0; k < p.size(); ++k) {
      lo[k] = std::min(lo[k], p[k]);
      hi[k] = std::max(hi[k], p[k]);
    }
  }
  for (std::size_t k = 0; k < hi.size(); ++k) hi[k] += margin * (hi[k] - lo[k]);
  return hi;
}

// NaN when `truth` is empty (a mean over nothing); +infinity when `found` is
// empty but `truth` is not (no point is near the true front).
double igd(const Points& found, const Points& truth) {
  if (truth.empty()) return std::numeric_limits<double>::quiet_NaN();
  const std::size_t dimension = truth.front().size();
  if (dimension == 0) throw Error("igd: the true front's points have no objectives");
  check(truth, dimension, "true front");
  check(found, dimension, "found front");
  if (found.empty()) return std::numeric_limits<double>::infinity();

  // The true front is a set: identical true points count once.
  Points front;
  for (std::size_t i : non_dominated(truth)) front.push_back(truth[i]);
  std::sort(front.begin(), front.end());
  front.erase(std::unique(front.begin(), front.end()), front.end());
  double sum = 0;
  for (const Point& t : front) {
    double nearest = std::numeric_limits<double>::infinity();
    for (const Point& f : found) nearest = std::min(nearest, distance(t, f));
    sum += nearest;
  }
  return sum / static_cast<double>(front.size());
}

}  // namespace prpnas::pareto
