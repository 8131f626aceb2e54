// How well a found front approximates the true one, with every figure defined
// from the true front alone, so that fronts found by different methods and
// seeds are judged on one scale. Every objective is minimised (objective.h).
//
// Each objective is scaled to the true front's range (its best value -> 0, its
// worst -> 1); an objective constant over the true front has range 0, which is
// taken as 1 (the objective is only shifted). The reference point is 1.1 in
// every scaled objective: the true front's nadir plus 10% of its range.
#ifndef PRPNAS_PARETO_FRONT_METRICS_H_
#define PRPNAS_PARETO_FRONT_METRICS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "prpnas/pareto/point.h"

namespace prpnas::pareto {

// Points with the architecture each one belongs to: two architectures can
// share a point, so recall compares architectures, not points.
struct NamedFront {
  Points points;
  std::vector<std::string> architectures;  // one per point
};

struct FrontMetrics {
  double hypervolume_ratio = 0;  // HV(found) / HV(true), scaled, shared reference
  double igd_plus = 0;           // igd_plus() over the true front's distinct points, scaled
  double epsilon = 0;            // additive_epsilon(), scaled
  std::size_t exact_hits = 0;    // true-front architectures among the found ones
  std::size_t near_hits = 0;     // true-front points within the tolerance of a found point
  std::size_t true_front_size = 0;
};

// A true-front point z is a near hit when some found point a has
// max_k |a_k - z_k| <= tolerance, scaled. With true values on both sides every
// exact hit is a near hit.
inline constexpr double kDefaultHitTolerance = 0.01;

// Every figure above for `found` against `truth`. `truth` must be a front (no
// point dominates another; equal points allowed) naming each architecture
// once, with finite values. An empty `found` gives HV ratio 0, IGD+ and
// epsilon +infinity, no hits. Throws ConfigError on an empty true front or a
// negative tolerance, DataError on inconsistent input.
FrontMetrics front_metrics(const NamedFront& truth, const NamedFront& found,
                           double tolerance = kDefaultHitTolerance);

// The scaling above: `points` with each objective mapped by the true front's
// range, (v - best) / (worst - best), a range of 0 taken as 1. Throws as
// igd_plus does (an empty true front has no range).
Points scaled_to_front(const Points& points, const Points& true_front);

// IGD+ (Ishibuchi et al. 2015): the mean over the points of `truth`, as given,
// of the distance from each to the nearest point of `found`, counting only the
// objectives where the found point is worse: sqrt(sum_k max(a_k - z_k, 0)^2).
// Unlike IGD it never rewards a found point for lying beyond the true front.
// +infinity when `found` is empty; throws ConfigError when `truth` is, and
// DataError on mismatched sizes or a value that is not finite (as below).
double igd_plus(const Points& found, const Points& truth);

// Additive epsilon indicator (Zitzler et al. 2003): the smallest eps such that
// every point of `truth` is weakly dominated by some found point moved by -eps
// in every objective, max_z min_a max_k (a_k - z_k). 0 when found = truth (a
// front), negative when every true point is strictly dominated by a found one.
// +infinity when `found` is empty; throws as igd_plus does.
double additive_epsilon(const Points& found, const Points& truth);

}  // namespace prpnas::pareto

#endif  // PRPNAS_PARETO_FRONT_METRICS_H_
