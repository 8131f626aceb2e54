#include "prpnas/run/joined_column.h"

#include <map>
#include <utility>

#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::run {

std::vector<std::vector<double>> joined_column(const std::vector<std::string>& inputs, const std::string& key,
                                               const std::string& column, std::vector<std::string>* keys) {
  std::vector<std::string> order;
  std::vector<std::map<std::string, double>> files;
  for (const std::string& input : inputs) {
    const CsvTable table = read_csv(input);
    const std::size_t k = table.column(key);
    const std::vector<double> values = table.numbers(column);
    std::map<std::string, double>& file = files.emplace_back();
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      if (!file.emplace(table.rows[r][k], values[r]).second) {
        throw DataError(input + ":" + std::to_string(table.lines[r]) + ": '" + key + "' " + table.rows[r][k] +
                        " appears twice; each file must hold one row per key");
      }
      if (files.size() == 1) order.push_back(table.rows[r][k]);
    }
  }
  std::vector<std::vector<double>> values;
  for (const std::string& name : order) {
    std::vector<double> row;
    for (const auto& file : files) {
      if (const auto it = file.find(name); it != file.end()) row.push_back(it->second);
    }
    if (row.size() != files.size()) continue;
    values.push_back(std::move(row));
    if (keys) keys->push_back(name);
  }
  return values;
}

}  // namespace prpnas::run
