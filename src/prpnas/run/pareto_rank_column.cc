#include "prpnas/run/pareto_rank_column.h"

#include <string>

namespace prpnas::run {

CsvTable with_pareto_rank_column(CsvTable table, const std::vector<int>& ranks) {
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    if (table.header[c] != "pareto_rank") continue;
    table.header.erase(table.header.begin() + c);
    for (auto& row : table.rows) row.erase(row.begin() + c);
    break;
  }
  table.header.push_back("pareto_rank");
  for (std::size_t r = 0; r < table.rows.size(); ++r) table.rows[r].push_back(std::to_string(ranks[r]));
  return table;
}

}  // namespace prpnas::run
