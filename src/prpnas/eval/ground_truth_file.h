// The stand-alone results cache: one CSV row per independently trained
// architecture, plus a JSON sidecar (FILE.json) recording the fidelity every
// row was trained at. Rows are only ever added, each time by rewriting the
// whole file atomically, so a killed run loses at most the rows in flight and
// re-running the same command resumes where it stopped.
#ifndef PRPNAS_EVAL_GROUND_TRUTH_FILE_H_
#define PRPNAS_EVAL_GROUND_TRUTH_FILE_H_

#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "prpnas/util/csv.h"
#include "prpnas/util/file_lock.h"

namespace prpnas::eval {

struct GroundTruthRow {
  std::string arch;  // the space's native string
  double valid_accuracy = 0, test_accuracy = 0;  // %
  int64_t params = 0, flops = 0;
  double train_seconds = 0, images_per_second = 0, train_loss = 0;
};

class GroundTruthFile {
 public:
  // Takes PATH.lock (util/file_lock.h: one writer per file; a missing
  // folder fails here, before any training), then opens `path`. If the file
  // exists its sidecar must hold the same `fidelity` (otherwise ConfigError
  // tells the user to use the same settings or another file) and every row
  // must be whole and in range (DataError naming the line).
  GroundTruthFile(std::string path, nlohmann::json fidelity);

  bool contains(const std::string& arch) const;
  std::size_t size() const;
  // Appends one row; thread-safe; the file on disk always holds whole rows.
  void append(const GroundTruthRow& row);

  static const std::vector<std::string>& columns();

 private:
  std::string path_;
  FileLock lock_;
  nlohmann::json fidelity_;
  mutable std::mutex mutex_;
  CsvTable table_;
  std::set<std::string> archs_;
};

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_GROUND_TRUTH_FILE_H_
