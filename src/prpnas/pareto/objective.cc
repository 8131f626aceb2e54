#include "prpnas/pareto/objective.h"

#include "prpnas/util/error.h"

namespace prpnas::pareto {

Objective parse_objective(std::string_view spec) {
  const auto colon = spec.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    throw ParseError("bad objective '" + std::string(spec) +
                     "': expected NAME:max or NAME:min, e.g. accuracy:max");
  }
  const std::string_view sense = spec.substr(colon + 1);
  Objective objective{std::string(spec.substr(0, colon)), Sense::kMinimize};
  if (sense == "max") {
    objective.sense = Sense::kMaximize;
  } else if (sense != "min") {
    throw ParseError("bad objective '" + std::string(spec) + "': sense '" +
                     std::string(sense) + "' is neither max nor min");
  }
  return objective;
}

double to_minimized(const Objective& objective, double value) {
  return objective.sense == Sense::kMaximize ? -value : value;
}

double from_minimized(const Objective& objective, double value) {
  return to_minimized(objective, value);  // negation is its own inverse
}

Points to_minimized(const std::vector<Objective>& objectives,
                    const std::vector<std::vector<double>>& rows) {
  Points points;
  points.reserve(rows.size());
  for (const auto& row : rows) {
    Point p(objectives.size());
    for (std::size_t j = 0; j < objectives.size(); ++j) p[j] = to_minimized(objectives[j], row[j]);
    points.push_back(std::move(p));
  }
  return points;
}

}  // namespace prpnas::pareto
