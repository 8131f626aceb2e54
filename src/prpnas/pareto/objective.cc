#include "prpnas/pareto/objective.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "prpnas/util/error.h"
#include "prpnas/util/number_text.h"
#include "prpnas/util/printable.h"

namespace prpnas::pareto {

Objective parse_objective(std::string_view spec) {
  const auto colon = spec.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    throw ParseError("bad objective " + echoed(spec) +
                     ": expected NAME:max or NAME:min, e.g. accuracy:max");
  }
  const std::string_view sense = spec.substr(colon + 1);
  Objective objective{std::string(spec.substr(0, colon)), Sense::kMinimize};
  if (sense == "max") {
    objective.sense = Sense::kMaximize;
  } else if (sense != "min") {
    throw ParseError("bad objective " + echoed(spec) + ": sense " + echoed(sense) + " is neither max nor min");
  }
  return objective;
}

Point parse_reference(std::string_view spec, const std::vector<Objective>& objectives) {
  const std::string whole(spec);
  Point reference(objectives.size());
  std::vector<bool> given(objectives.size(), false);
  std::size_t start = 0;
  while (start <= spec.size()) {
    const std::size_t comma = std::min(spec.find(',', start), spec.size());
    const std::string_view item = spec.substr(start, comma - start);
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      throw ParseError("bad reference " + echoed(whole) + ": " + echoed(item) +
                       "' is not NAME=VALUE, e.g. accuracy=0,latency_ms=100");
    }
    const std::string name(item.substr(0, eq)), text(item.substr(eq + 1));
    std::size_t j = 0;
    while (j < objectives.size() && objectives[j].name != name) ++j;
    if (j == objectives.size()) {
      throw ParseError("bad reference " + echoed(whole) + ": " + echoed(name) + " is not one of the objectives");
    }
    if (given[j]) throw ParseError("bad reference " + echoed(whole) + ": " + echoed(name) + " given twice");
    const std::optional<double> value = parse_decimal(text);
    if (!value) {
      throw ParseError("bad reference " + echoed(whole) + ": value " + echoed(text) + " of " + echoed(name) +
                       " is not a finite decimal number");
    }
    reference[j] = to_minimized(objectives[j], *value);
    given[j] = true;
    start = comma + 1;
  }
  for (std::size_t j = 0; j < objectives.size(); ++j) {
    if (!given[j]) {
      throw ParseError("bad reference '" + whole + "': missing a value for '" + objectives[j].name + "'");
    }
  }
  return reference;
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
