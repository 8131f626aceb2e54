// The run directory's human-readable tables, rewritten whole at every
// checkpoint: log.csv, alpha.csv, mask.csv, pool.csv (once Step 2 has a
// pool) and alpha_history.csv (methods that train alpha). docs/FORMATS.md.
#ifndef PRPNAS_TRAIN_RUN_TABLES_H_
#define PRPNAS_TRAIN_RUN_TABLES_H_

#include "prpnas/train/supernet_run.h"

namespace prpnas::train {

void write_run_tables(const SupernetRun& run);

// Adds a row per (decision, choice) of alpha as it is now to the state's
// alpha history.
void record_alpha(SupernetRun& run);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_RUN_TABLES_H_
