// A run directory's bookkeeping shared by `train` and `experiment`: the
// effective configuration recorded on first use and compared on resume, and
// the stand-alone results files a run reads.
#ifndef PRPNAS_RUN_RUN_DIRECTORY_H_
#define PRPNAS_RUN_RUN_DIRECTORY_H_

#include <string>

#include "prpnas/space/search_space.h"
#include "prpnas/train/supernet_training.h"
#include "prpnas/util/file_lock.h"

namespace prpnas::run {

// A run directory's text file (config.toml, a LUT's JSON), whole; throws
// DataError naming it when it cannot be read.
std::string read_text(const std::string& path);

// Creates `out`, takes its lock (out/lock: one process per run directory,
// held while the returned lock lives) and writes `config` as
// out/config.toml, or, when that file exists, throws ConfigError naming the
// first differing line unless equal.
[[nodiscard]] FileLock claim_run_directory(const std::string& out, const std::string& config);

// `arch` and `valid_acc` columns of a stand-alone results file
// (ground-truth's format), its first `limit` rows (0 = all); "" gives none.
// Errors name `field` (the config key) or file:line.
train::ScoredArchitectures read_scored(const std::string& path, const space::SearchSpace& space, const char* field,
                                       std::size_t limit = 0);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_RUN_DIRECTORY_H_
