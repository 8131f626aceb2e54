#include "prpnas/eval/ground_truth_file.h"

#include <filesystem>
#include <fstream>
#include <limits>

#include <fmt/core.h>

#include "prpnas/util/atomic_file.h"
#include "prpnas/util/error.h"
#include "prpnas/util/printable.h"

namespace prpnas::eval {

namespace {

// Every row read back is checked as if it were input: a resumed file may have
// been edited or damaged. Names file, line and column.
void check_rows(const CsvTable& table) {
  // table.numbers throws DataError for a cell that is not a finite number.
  auto in_range = [&](const char* column, double high, const char* what) {
    const std::vector<double> values = table.numbers(column);
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i] < 0 || values[i] > high) {
        throw DataError(fmt::format("{}: line {}, column '{}': {} is {}; fix or delete the row, or choose another "
                                    "--out",
                                    table.source, table.lines[i], column, values[i], what));
      }
    }
  };
  for (const char* column : {"valid_acc", "test_acc"}) in_range(column, 100, "not a percentage in [0, 100]");
  for (const char* column : {"params", "flops", "train_seconds", "images_per_second"}) {
    in_range(column, std::numeric_limits<double>::infinity(), "negative");
  }
  table.numbers("train_loss");
  const std::size_t arch = table.column("arch");
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    if (table.rows[i][arch].empty()) {
      throw DataError(fmt::format("{}: line {}, column 'arch': empty; fix or delete the row", table.source,
                                  table.lines[i]));
    }
  }
}

}  // namespace

const std::vector<std::string>& GroundTruthFile::columns() {
  static const std::vector<std::string> names = {
      "arch", "valid_acc", "test_acc", "params", "flops", "train_seconds", "images_per_second", "train_loss"};
  return names;
}

GroundTruthFile::GroundTruthFile(std::string path, nlohmann::json fidelity)
    : path_(std::move(path)), lock_(path_ + ".lock", path_), fidelity_(std::move(fidelity)) {
  remove_stale_temporaries_of(path_);  // what a killed run left; ours now, under the lock
  table_.source = path_;
  table_.header = columns();
  if (!std::filesystem::exists(path_)) return;

  const std::string sidecar = path_ + ".json";
  std::ifstream in(sidecar);
  nlohmann::json recorded;
  try {
    in >> recorded;
  } catch (const nlohmann::json::exception&) {
    throw DataError(sidecar + ": missing or unreadable; it records how " + path_ +
                    " was made; restore it or start a new --out file");
  }
  if (recorded != fidelity_) {
    throw ConfigError(path_ + " was made with other settings (" + sidecar + ": " + printable_line(recorded.dump(), 300) +
                      "); re-run with the same settings to resume, or choose another --out");
  }
  table_ = read_csv(path_);
  if (table_.header != columns()) {
    throw DataError(path_ + ": unexpected header; a ground-truth file has the columns " +
                    nlohmann::json(columns()).dump() + "; choose another --out");
  }
  check_rows(table_);
  const std::size_t arch = table_.column("arch");
  for (const auto& row : table_.rows) archs_.insert(row[arch]);
}

bool GroundTruthFile::contains(const std::string& arch) const {
  std::lock_guard lock(mutex_);
  return archs_.count(arch) > 0;
}

std::size_t GroundTruthFile::size() const {
  std::lock_guard lock(mutex_);
  return table_.rows.size();
}

void GroundTruthFile::append(const GroundTruthRow& row) {
  std::lock_guard lock(mutex_);
  if (table_.rows.empty()) write_file_atomically(path_ + ".json", fidelity_.dump(2) + "\n");
  // Shortest round-trip formatting keeps every digit the run measured.
  table_.rows.push_back({row.arch, fmt::format("{}", row.valid_accuracy), fmt::format("{}", row.test_accuracy),
                         std::to_string(row.params), std::to_string(row.flops),
                         fmt::format("{:.3f}", row.train_seconds), fmt::format("{:.1f}", row.images_per_second),
                         fmt::format("{}", row.train_loss)});
  archs_.insert(row.arch);
  write_csv_file(path_, table_);
}

}  // namespace prpnas::eval
