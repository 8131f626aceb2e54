#include "prpnas/run/run_directory.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/core.h>

#include "prpnas/train/run_layout.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::run {
namespace {

// The first line where two configurations differ, for the resume refusal.
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream x(a), y(b);
  std::string lx, ly;
  while (true) {
    const bool more_x = static_cast<bool>(std::getline(x, lx)), more_y = static_cast<bool>(std::getline(y, ly));
    if (!more_x && !more_y) return "";
    if (!more_x) lx.clear();
    if (!more_y) ly.clear();
    if (lx != ly) return fmt::format("'{}' was '{}'", ly, lx);
  }
}

}  // namespace

TrainConfig read_run_config(const std::string& run_dir) {
  const std::string path = train::RunLayout(run_dir).config();
  if (!std::filesystem::exists(path)) {
    throw ConfigError(fmt::format("--run {}: no config.toml, so not a training run directory (make one with "
                                  "prpnas train --out {})",
                                  run_dir, run_dir));
  }
  return read_train_config(path, "", "", "cpu");  // search, export and battery work on the CPU
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DataError(path + ": cannot be read; it belongs to the run directory, restore it or start again");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

FileLock claim_run_directory(const std::string& out, const std::string& config) {
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec) throw ConfigError(fmt::format("--out {}: cannot create the directory ({})", out, ec.message()));
  FileLock lock(train::RunLayout(out).lock(), out);
  remove_stale_temporaries_in(out);  // what a killed run left; ours now, under the lock
  const std::string path = train::RunLayout(out).config();
  if (std::filesystem::exists(path)) {
    const std::string before = read_text(path);
    if (before != config) {
      throw ConfigError(fmt::format("{} was started with other settings ({}); use the same settings to resume, or "
                                    "another --out",
                                    out, first_difference(before, config)));
    }
  }
  return lock;
}

void record_run_config(const std::string& out, const std::string& config) {
  const std::string path = train::RunLayout(out).config();
  if (!std::filesystem::exists(path)) write_file_atomically(path, config);
}

train::ScoredArchitectures read_scored(const std::string& path, const space::SearchSpace& space,
                                       const char* field, std::size_t limit) {
  train::ScoredArchitectures scored;
  if (path.empty()) return scored;
  if (!std::filesystem::exists(path)) {
    throw ConfigError(fmt::format("{} = '{}': no such file (relative paths start at the working directory; run "
                                  "from the repository root, or set it to \"\" to go without)",
                                  field, path));
  }
  const CsvTable csv = read_csv(path);
  const std::size_t arch = csv.column("arch");
  scored.accuracy = csv.numbers("valid_acc");
  for (std::size_t i = 0; i < csv.rows.size(); ++i) {
    try {
      scored.archs.push_back(space.parse(csv.rows[i][arch]));
    } catch (const Error& e) {
      throw DataError(fmt::format("{} = {}:{}: {}", field, path, csv.lines[i], e.what()));
    }
  }
  if (scored.empty()) throw DataError(fmt::format("{}: no architectures; give a file with rows", path));
  if (limit > 0 && limit < scored.archs.size()) {
    scored.archs.resize(limit);
    scored.accuracy.resize(limit);
  }
  return scored;
}

}  // namespace prpnas::run
