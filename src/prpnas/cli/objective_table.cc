#include "prpnas/cli/objective_table.h"

#include <set>

#include "prpnas/util/error.h"

namespace prpnas::cli {

std::vector<pareto::Objective> parse_objectives(const std::vector<std::string>& specs) {
  std::vector<pareto::Objective> objectives;
  std::set<std::string> names;
  for (const auto& spec : specs) {
    objectives.push_back(pareto::parse_objective(spec));
    if (!names.insert(objectives.back().name).second) {
      throw ParseError("objective '" + objectives.back().name + "' is given twice");
    }
  }
  return objectives;
}

ObjectiveTable read_objective_table(const std::string& path,
                                    const std::vector<pareto::Objective>& objectives) {
  ObjectiveTable result{read_csv(path), {}};
  if (result.table.rows.empty()) throw DataError(path + ": no data rows below the header");
  std::vector<std::vector<double>> rows(result.table.rows.size());
  for (const auto& objective : objectives) {
    const std::vector<double> column = result.table.numbers(objective.name);
    for (std::size_t r = 0; r < rows.size(); ++r) rows[r].push_back(column[r]);
  }
  result.points = pareto::to_minimized(objectives, rows);
  return result;
}

}  // namespace prpnas::cli
