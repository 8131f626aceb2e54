// A table with its Pareto ranks as the last column (`prpnas pareto rank`).
#ifndef PRPNAS_RUN_PARETO_RANK_COLUMN_H_
#define PRPNAS_RUN_PARETO_RANK_COLUMN_H_

#include <vector>

#include "prpnas/util/csv.h"

namespace prpnas::run {

// `table` with a last column pareto_rank holding ranks[row]; a column of
// that name already there is dropped (a re-ranked table does not grow a
// second one). `ranks` has one entry per row.
CsvTable with_pareto_rank_column(CsvTable table, const std::vector<int>& ranks);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_PARETO_RANK_COLUMN_H_
