// A CSV table read for its objective columns: what `pareto` subcommands share.
#ifndef PRPNAS_CLI_OBJECTIVE_TABLE_H_
#define PRPNAS_CLI_OBJECTIVE_TABLE_H_

#include <string>
#include <vector>

#include "prpnas/pareto/objective.h"
#include "prpnas/util/csv.h"

namespace prpnas::cli {

// Parses every --objective; throws ParseError on a bad or repeated one.
std::vector<pareto::Objective> parse_objectives(const std::vector<std::string>& specs);

struct ObjectiveTable {
  CsvTable table;
  pareto::Points points;  // minimised, one per row
};

// Reads `path` and its objective columns; throws DataError when the table has
// no rows, lacks a column, or holds a cell that is not a finite number.
ObjectiveTable read_objective_table(const std::string& path,
                                    const std::vector<pareto::Objective>& objectives);

}  // namespace prpnas::cli

#endif  // PRPNAS_CLI_OBJECTIVE_TABLE_H_
