// Pareto ranks by non-dominated sorting, every objective minimised.
// Rank 1 = dominated by no point; rank k = dominated by no point once ranks
// < k are removed. Identical points share a rank. Equivalently, rank(p) is
// the length of the longest chain of points dominating one another ending at p.
#ifndef PRPNAS_PARETO_RANKING_H_
#define PRPNAS_PARETO_RANKING_H_

#include <cstddef>
#include <vector>

#include "prpnas/pareto/point.h"

namespace prpnas::pareto {

// Ranks of `points` (same order), picking the fastest algorithm below for the
// dimension. Throws Error unless all points have the same size >= 1 and no NaN
// (infinities are ordinary values).
std::vector<int> pareto_ranks(const Points& points);

// The algorithms, exposed for tests and benchmarks.
// 1 objective: sort. 2 objectives: O(N log N) sweep with a binary search over
// fronts. 3 objectives: O(N log^2 N) divide and conquer over the first
// objective with a Fenwick tree on the third. 4+: ENS-BS (efficient
// non-dominated sort with binary search over fronts, Zhang et al. 2015);
// pareto_ranks_nd accepts any dimension, the 2-D/3-D ones throw on another.
std::vector<int> pareto_ranks_2d(const Points& points);
std::vector<int> pareto_ranks_3d(const Points& points);
std::vector<int> pareto_ranks_nd(const Points& points);

// Indices of the rank-1 points, ascending.
std::vector<std::size_t> non_dominated(const Points& points);

}  // namespace prpnas::pareto

#endif  // PRPNAS_PARETO_RANKING_H_
