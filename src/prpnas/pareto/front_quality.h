// How well a found front approximates the true one, every objective minimised.
#ifndef PRPNAS_PARETO_FRONT_QUALITY_H_
#define PRPNAS_PARETO_FRONT_QUALITY_H_

#include "prpnas/pareto/point.h"

namespace prpnas::pareto {

// HV(found) / HV(truth) for one shared reference point. NaN when HV(truth) is 0.
double front_approximation(const Points& found, const Points& truth, const Point& reference);

// A reference point just behind a front: its worst value in every objective
// plus `margin` times its range there. With it, hypervolume judges how well
// a front is covered rather than how far it is from the worst architecture.
// Throws on an empty front.
Point near_front_reference(const Points& front, double margin = 0.1);

// Inverted generational distance: mean, over the distinct non-dominated points
// of `truth`, of the Euclidean distance to the nearest point of `found`, in
// the objectives' own units. 0 when found covers the true front; NaN when
// truth is empty; +infinity when found is empty.
double igd(const Points& found, const Points& truth);

}  // namespace prpnas::pareto

#endif  // PRPNAS_PARETO_FRONT_QUALITY_H_
