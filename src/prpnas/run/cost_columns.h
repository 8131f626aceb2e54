// Cost columns of architectures from where costs are known: a device table
// measured elsewhere (e.g. HW-NAS-Bench) and/or a latency LUT of this machine.
// What `prpnas costs` writes.
#ifndef PRPNAS_RUN_COST_COLUMNS_H_
#define PRPNAS_RUN_COST_COLUMNS_H_

#include <cstdio>
#include <string>
#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::run {

struct CostSourceFiles {
  std::string table;  // device table: its columns for the architectures it lists; "" = none
  std::string lut;    // LUT: latency_ms and energy_mj estimated for any architecture; "" = none
  std::string archs;  // architecture file; "" = every architecture of the table
};

struct CostRows {
  std::vector<space::Architecture> archs;  // those with a value in every column, in the given order
  std::vector<std::vector<double>> costs;  // [arch][column]
};

// latency_ms and energy_mj come from the LUT when there is one, every other
// column from the table. An architecture missing a value in a column is left
// out; `log` (may be null) gets one line per column saying how many. Throws
// ConfigError for a column no source gives, DataError when an architecture is
// not in the table or none is left.
CostRows cost_columns(const space::SearchSpace& space, const CostSourceFiles& files,
                      const std::vector<std::string>& columns, std::FILE* log);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_COST_COLUMNS_H_
