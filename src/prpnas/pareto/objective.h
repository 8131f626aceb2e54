// An objective is a named column with a sense. This is the only place that
// turns user values into "minimise everything" (maximised values are negated,
// which keeps distances and volumes unchanged).
#ifndef PRPNAS_PARETO_OBJECTIVE_H_
#define PRPNAS_PARETO_OBJECTIVE_H_

#include <string>
#include <string_view>
#include <vector>

#include "prpnas/pareto/point.h"

namespace prpnas::pareto {

enum class Sense { kMinimize, kMaximize };

struct Objective {
  std::string name;
  Sense sense = Sense::kMinimize;
};

// Parses "NAME:max" or "NAME:min"; throws ParseError naming the spec.
Objective parse_objective(std::string_view spec);

// Parses "accuracy=0,latency_ms=100" (values in the objectives' own units)
// into a minimised reference point ordered like `objectives`. Every objective
// is named exactly once; throws ParseError otherwise.
Point parse_reference(std::string_view spec, const std::vector<Objective>& objectives);

// Value in the objective's own units -> minimisation form, and back.
double to_minimized(const Objective& objective, double value);
double from_minimized(const Objective& objective, double value);

// Rows of values (one column per objective, in order) -> minimised points.
Points to_minimized(const std::vector<Objective>& objectives,
                    const std::vector<std::vector<double>>& rows);

}  // namespace prpnas::pareto

#endif  // PRPNAS_PARETO_OBJECTIVE_H_
