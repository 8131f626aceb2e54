// How close a found front comes to the true front, the figures both
// experiments (supernet and tabular) report. Points are minimised
// (pareto/objective.h), any number of objectives.
#ifndef PRPNAS_EVAL_JUDGE_FRONT_H_
#define PRPNAS_EVAL_JUDGE_FRONT_H_

#include "prpnas/pareto/point.h"

namespace prpnas::eval {

struct FrontReferences {
  pareto::Point worst;       // the worst value of every objective over all known points
  pareto::Point near_front;  // just behind the true front (pareto::near_front_reference)
};

// `all`: every known point; `true_front`: the one near_front is taken from.
FrontReferences front_references(const pareto::Points& all, const pareto::Points& true_front);

// A found front and the true front it is judged against.
struct JudgedPoints {
  pareto::Points found, truth;
};

struct FrontFigures {
  double hypervolume = 0;                // of the found front, `worst` reference
  double front_approximation = 0;        // HV(found) / HV(truth), `worst` reference
  double front_approximation_nadir = 0;  // the same with the `near_front` reference
  double igd = 0;                        // in the objectives' units
};

FrontFigures judge_front(const JudgedPoints& points, const FrontReferences& references);

// The same, with front_approximation_nadir over other points (e.g. valid
// cells only, so that degenerate cells do not set the true front there).
FrontFigures judge_front(const JudgedPoints& points, const JudgedPoints& near_front_points,
                         const FrontReferences& references);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_JUDGE_FRONT_H_
