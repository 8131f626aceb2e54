// A tabular benchmark as a multi-objective problem: every architecture of a
// space with its objective values read from tables (NAS-Bench-201 accuracy,
// HW-NAS-Bench latency/energy), joined on the native architecture string.
// The tables must cover the whole space with a value in every named column:
// tabular mode judges fronts against the true front of all cells.
#ifndef PRPNAS_EVAL_TABULAR_PROBLEM_H_
#define PRPNAS_EVAL_TABULAR_PROBLEM_H_

#include <string>
#include <vector>

#include "prpnas/pareto/objective.h"
#include "prpnas/pareto/point.h"
#include "prpnas/search/estimator.h"
#include "prpnas/space/enumeration.h"
#include "prpnas/space/search_space.h"

namespace prpnas::eval {

// Where one objective comes from: a column of a table file.
struct TableColumn {
  std::string path;
  pareto::Objective objective;  // objective.name is the column
};

class TabularProblem {
 public:
  // Reads the tables (plain or .gz CSV with an `arch` column, see
  // hw/device_table.h). Throws DataError naming the file and column when a
  // cell of the space has no value, ConfigError for an unknown column (with
  // the available ones), and as load_device_table does.
  TabularProblem(const space::SearchSpace& space, const std::vector<TableColumn>& columns);

  const std::vector<pareto::Objective>& objectives() const { return objectives_; }
  // Objective values in their own units and minimised, indexed by
  // enumeration().index(arch).
  const std::vector<std::vector<double>>& values() const { return values_; }
  const pareto::Points& minimized() const { return minimized_; }
  std::size_t size() const { return values_.size(); }
  const space::Enumeration& enumeration() const { return enumeration_; }

  // The minimised vector of an architecture: a table query.
  search::Estimator estimator() const;

 private:
  space::Enumeration enumeration_;
  std::vector<pareto::Objective> objectives_;
  std::vector<std::vector<double>> values_;
  pareto::Points minimized_;
};

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_TABULAR_PROBLEM_H_
