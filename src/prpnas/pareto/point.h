// Points in objective space, every objective minimised. Only objective.h
// converts from the user's senses (accuracy maximised, costs minimised).
#ifndef PRPNAS_PARETO_POINT_H_
#define PRPNAS_PARETO_POINT_H_

#include <vector>

namespace prpnas::pareto {

using Point = std::vector<double>;
using Points = std::vector<Point>;

// True when `a` is no worse than `b` in every objective and better in one.
bool dominates(const Point& a, const Point& b);

// True when `a` is better than `b` in every objective (a's box reaches b).
bool strictly_dominates(const Point& a, const Point& b);

}  // namespace prpnas::pareto

#endif  // PRPNAS_PARETO_POINT_H_
