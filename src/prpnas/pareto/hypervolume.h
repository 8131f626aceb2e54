// Hypervolume: the measure of the region dominated by a set of points and
// bounded by a reference point, every objective minimised (see objective.h).
// A point that is not better than the reference in every objective contributes
// nothing. Duplicates and dominated points are allowed.
#ifndef PRPNAS_PARETO_HYPERVOLUME_H_
#define PRPNAS_PARETO_HYPERVOLUME_H_

#include "prpnas/pareto/point.h"

namespace prpnas::pareto {

// Exact, picking the algorithm below for the dimension of `reference`.
double hypervolume(const Points& points, const Point& reference);

// The algorithms, exposed for tests and benchmarks.
// 2-D: O(N log N) sweep. 3-D: O(N log N) sweep over the third objective with
// an ordered 2-D front (Beume et al. 2009). n-D: WFG (While et al. 2012).
double hypervolume_2d(const Points& points, const Point& reference);
double hypervolume_3d(const Points& points, const Point& reference);
double hypervolume_nd(const Points& points, const Point& reference);

}  // namespace prpnas::pareto

#endif  // PRPNAS_PARETO_HYPERVOLUME_H_
