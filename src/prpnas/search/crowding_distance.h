// Crowding distance (Deb et al. 2002, NSGA-II): how isolated each point of
// one front is, every objective minimised. Per objective the points are
// sorted (ties by index, so the result does not depend on the sort); the two
// ends get +infinity and each interior point adds the gap between its
// neighbours divided by the objective's span on the front. An objective
// constant on the front adds nothing (no ends either), and a non-finite gap
// over a non-finite span adds nothing. Fronts of 1 or 2 points are all
// +infinity. Pure: no torch.
#ifndef PRPNAS_SEARCH_CROWDING_DISTANCE_H_
#define PRPNAS_SEARCH_CROWDING_DISTANCE_H_

#include <vector>

#include "prpnas/pareto/point.h"

namespace prpnas::search {

// Distances of `front` (same order). Throws Error unless all points have the
// same size and no NaN.
std::vector<double> crowding_distances(const pareto::Points& front);

}  // namespace prpnas::search

#endif  // PRPNAS_SEARCH_CROWDING_DISTANCE_H_
