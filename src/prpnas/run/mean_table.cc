#include "prpnas/run/mean_table.h"

#include <cmath>

#include <fmt/core.h>

#include "prpnas/run/joined_column.h"
#include "prpnas/util/error.h"

namespace prpnas::run {

CsvTable mean_table(const std::vector<std::string>& inputs, const std::string& key,
                    const std::vector<std::string>& columns) {
  if (inputs.size() < 2) throw ConfigError("stats mean: give at least 2 --input files (one per seed)");
  if (columns.empty()) throw ConfigError("stats mean: give at least one --column");
  CsvTable out{"mean", {key}, {}, {}};
  std::vector<std::string> keys;
  std::vector<std::vector<std::vector<double>>> values;  // [column][row][file]
  for (const std::string& column : columns) {
    out.header.push_back(column);
    out.header.push_back(column + "_sd");
    std::vector<std::string> column_keys;
    values.push_back(joined_column(inputs, key, column, &column_keys));
    if (keys.empty()) keys = column_keys;  // the same for every column: the files' keys decide
  }
  out.header.push_back("seeds");
  for (std::size_t r = 0; r < keys.size(); ++r) {
    std::vector<std::string> row = {keys[r]};
    for (const auto& column : values) {
      const std::vector<double>& v = column[r];
      double sum = 0, squares = 0;
      for (double x : v) sum += x;
      const double mean = sum / static_cast<double>(v.size());
      for (double x : v) squares += (x - mean) * (x - mean);
      // 10 significant digits: the inputs' own precision, without binary noise (89.265, not 89.26499999999999).
      row.push_back(fmt::format("{:.10g}", mean));
      row.push_back(fmt::format("{:.10g}", std::sqrt(squares / static_cast<double>(v.size() - 1))));
    }
    row.push_back(std::to_string(inputs.size()));
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace prpnas::run
