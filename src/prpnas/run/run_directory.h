// A run directory's bookkeeping shared by `train` and `experiment`: the
// effective configuration recorded on first use and compared on resume, and
// the stand-alone results files a run reads.
#ifndef PRPNAS_RUN_RUN_DIRECTORY_H_
#define PRPNAS_RUN_RUN_DIRECTORY_H_

#include <string>

#include "prpnas/run/train_config.h"
#include "prpnas/space/search_space.h"
#include "prpnas/train/supernet_training.h"
#include "prpnas/util/file_lock.h"

namespace prpnas::run {

// A run directory's text file (config.toml, a LUT's JSON), whole; throws
// DataError naming it when it cannot be read.
std::string read_text(const std::string& path);

// The configuration of a finished or stopped training run, for the commands
// that read one (search, export); ConfigError naming --run when `run_dir`
// is not a run directory.
TrainConfig read_run_config(const std::string& run_dir);

// Creates `out` and takes its lock (out/lock: one process per run directory,
// held while the returned lock lives). When out/config.toml exists, throws
// ConfigError naming the first differing line unless `config` equals it.
[[nodiscard]] FileLock claim_run_directory(const std::string& out, const std::string& config);

// Writes `config` as out/config.toml unless it is there: call it once every
// input has been checked (run_setup.h), so that a start that failed on a
// typo does not bind the directory to the typo.
void record_run_config(const std::string& out, const std::string& config);

// `arch` and `valid_acc` columns of a stand-alone results file
// (ground-truth's format), its first `limit` rows (0 = all); "" gives none.
// Errors name `field` (the config key) or file:line.
train::ScoredArchitectures read_scored(const std::string& path, const space::SearchSpace& space, const char* field,
                                       std::size_t limit = 0);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_RUN_DIRECTORY_H_
