#include "prpnas/eval/tabular_problem.h"

#include <map>

#include "prpnas/hw/device_table.h"
#include "prpnas/util/error.h"

namespace prpnas::eval {

TabularProblem::TabularProblem(const space::SearchSpace& space, const std::vector<TableColumn>& columns)
    : enumeration_(space) {
  if (columns.empty()) throw ConfigError("a tabular problem needs at least one objective column");
  const std::size_t n = enumeration_.size();
  values_.assign(n, std::vector<double>(columns.size()));
  std::map<std::string, hw::DeviceTable> tables;  // each file read once
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const TableColumn& column = columns[k];
    objectives_.push_back(column.objective);
    auto it = tables.find(column.path);
    if (it == tables.end()) it = tables.emplace(column.path, hw::load_device_table(column.path, space)).first;
    const hw::DeviceTable& table = it->second;
    const std::size_t c = table.column_index(column.objective.name);
    for (std::uint64_t i = 0; i < n; ++i) {
      const space::Architecture arch = enumeration_.at(i);
      const std::optional<double> value = table.cost(arch, c);
      if (!value) {
        throw DataError(column.path + ": column '" + column.objective.name + "' has no value for " +
                        space.format(arch) + "; tabular mode needs every cell of the space");
      }
      values_[i][k] = *value;
    }
  }
  minimized_ = pareto::to_minimized(objectives_, values_);
}

search::Estimator TabularProblem::estimator() const {
  return [this](const space::Architecture& arch) { return minimized_[enumeration_.index(arch)]; };
}

}  // namespace prpnas::eval
