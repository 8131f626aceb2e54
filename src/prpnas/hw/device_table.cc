#include "prpnas/hw/device_table.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "prpnas/space/enumeration.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"
#include "prpnas/util/number_text.h"
#include "prpnas/util/printable.h"

namespace prpnas::hw {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// A cost cell as a number, NaN when missing; DataError for anything else.
double parse_cost(const std::string& cell, const CsvTable& csv, std::size_t row, const std::string& column) {
  // The tables' own spellings of a missing value: an empty cell, nan, and
  // HW-NAS-Bench's sentinel -1.
  std::string lower;
  for (const char c : cell) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (cell.empty() || lower == "nan" || lower == "-nan") return kMissing;
  const std::optional<double> v = parse_decimal(cell);
  if (v && *v == -1.0) return kMissing;
  if (!v || *v < 0) {
    throw DataError(csv.source + ": line " + std::to_string(csv.lines[row]) + ", column " + echoed(column) + ": " +
                    echoed(cell) + " is not a cost: expected a finite decimal number >= 0, or -1, nan or an empty "
                    "cell for a missing value");
  }
  return *v;
}

}  // namespace

bool DeviceTable::has_column(std::string_view name) const {
  for (const auto& c : columns_) {
    if (c == name) return true;
  }
  return false;
}

std::size_t DeviceTable::column_index(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == name) return i;
  }
  constexpr std::size_t kShown = 12;
  std::string known;
  for (std::size_t i = 0; i < columns_.size() && i < kShown; ++i) known += (i ? ", " : "") + columns_[i];
  if (columns_.size() > kShown) {
    known += ", ... (" + std::to_string(columns_.size()) + " in all; see the header of the file)";
  }
  throw ConfigError("no cost column '" + std::string(name) + "' in " + source_ + " (columns: " + known + ")");
}

std::uint64_t DeviceTable::key(const space::Architecture& arch) const {
  if (arch.size() != radix_.size()) {
    throw ParseError("architecture has " + std::to_string(arch.size()) + " choices but the device table " + source_ +
                     " is for search space '" + space_name_ + "' with " + std::to_string(radix_.size()) +
                     " decisions");
  }
  std::uint64_t index = 0;
  for (std::size_t d = 0; d < radix_.size(); ++d) {
    if (arch[d] < 0 || static_cast<std::uint64_t>(arch[d]) >= radix_[d]) {
      throw ParseError("architecture choice " + std::to_string(arch[d]) + " for decision " + std::to_string(d) +
                       " is out of range for search space '" + space_name_ + "' of the device table " + source_);
    }
    index = index * radix_[d] + static_cast<std::uint64_t>(arch[d]);
  }
  return index;
}

std::size_t DeviceTable::row(const space::Architecture& arch) const {
  const std::uint64_t k = key(arch);
  if (!dense_rows_.empty()) {
    const std::uint32_t r = dense_rows_[k];
    return r == 0 ? kAbsent : r - 1;
  }
  const auto it = sparse_rows_.find(k);
  return it == sparse_rows_.end() ? kAbsent : it->second;
}

bool DeviceTable::contains(const space::Architecture& arch) const { return row(arch) != kAbsent; }

std::optional<double> DeviceTable::cost(const space::Architecture& arch, std::string_view column) const {
  return cost(arch, column_index(column));
}

std::optional<double> DeviceTable::cost(const space::Architecture& arch, std::size_t column) const {
  if (column >= columns_.size()) {
    throw ConfigError("cost column " + std::to_string(column) + " is out of range: " + source_ + " has " +
                      std::to_string(columns_.size()) + " cost columns");
  }
  const std::size_t r = row(arch);
  if (r == kAbsent) return std::nullopt;
  const double v = values_[r * columns_.size() + column];
  if (std::isnan(v)) return std::nullopt;
  return v;
}

ColumnCoverage DeviceTable::coverage(std::string_view column, const std::vector<space::Architecture>& archs) const {
  const std::size_t c = column_index(column);
  ColumnCoverage result;
  for (const auto& arch : archs) {
    const std::size_t r = row(arch);
    if (r == kAbsent) {
      ++result.not_in_table;
    } else if (std::isnan(values_[r * columns_.size() + c])) {
      ++result.missing;
    } else {
      ++result.with_value;
    }
  }
  return result;
}

ColumnCoverage DeviceTable::coverage(std::string_view column) const { return coverage(column, archs_); }

DeviceTable load_device_table(const std::string& path, const space::SearchSpace& space) {
  const CsvTable csv = read_csv(path);
  DeviceTable t;
  t.source_ = path;
  t.space_name_ = std::string(space.name());
  for (int d = 0; d < space.num_decisions(); ++d) t.radix_.push_back(space.choices(d).size());

  std::size_t arch_column = csv.header.size();
  std::vector<std::size_t> cost_columns;
  for (std::size_t c = 0; c < csv.header.size(); ++c) {
    if (csv.header[c] == "arch") {
      arch_column = c;
    } else if (csv.header[c] != "index") {
      cost_columns.push_back(c);
      t.columns_.push_back(csv.header[c]);
    }
  }
  if (arch_column == csv.header.size()) {
    throw DataError(path + ": no 'arch' column; a device table needs one with the " + t.space_name_ +
                    " architecture string of each row");
  }
  if (cost_columns.empty()) throw DataError(path + ": no cost columns (every column but 'arch' and 'index' is one)");
  if (csv.rows.empty()) throw DataError(path + ": no rows, only a header");
  if (csv.rows.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw DataError(path + ": too many rows (" + std::to_string(csv.rows.size()) + ")");
  }

  // Dense when the table covers at least half of the space: 4 bytes per
  // architecture of the space instead of ~16+ per row in a hash map.
  const space::Enumeration enumeration(space);
  const std::uint64_t space_size = enumeration.size();
  const bool dense = space_size <= 2 * static_cast<std::uint64_t>(csv.rows.size());
  if (dense) t.dense_rows_.assign(space_size, 0);
  t.archs_.reserve(csv.rows.size());
  t.values_.reserve(csv.rows.size() * cost_columns.size());
  for (std::size_t r = 0; r < csv.rows.size(); ++r) {
    const std::vector<std::string>& cells = csv.rows[r];
    space::Architecture arch;
    try {
      arch = space.parse(cells[arch_column]);
    } catch (const ParseError& e) {
      throw ParseError(path + ":" + std::to_string(csv.lines[r]) + ": " + e.what());
    }
    const std::uint64_t k = enumeration.index(arch);
    const auto row = static_cast<std::uint32_t>(r);
    std::uint32_t earlier = std::numeric_limits<std::uint32_t>::max();
    if (dense) {
      if (t.dense_rows_[k] != 0) earlier = t.dense_rows_[k] - 1;
      t.dense_rows_[k] = row + 1;
    } else if (const auto [it, inserted] = t.sparse_rows_.emplace(k, row); !inserted) {
      earlier = it->second;
    }
    if (earlier != std::numeric_limits<std::uint32_t>::max()) {
      throw DataError(path + ": line " + std::to_string(csv.lines[r]) + " repeats the architecture of line " +
                      std::to_string(csv.lines[earlier]) + " (" + cells[arch_column] +
                      "); each architecture may appear once");
    }
    for (std::size_t i = 0; i < cost_columns.size(); ++i) {
      t.values_.push_back(parse_cost(cells[cost_columns[i]], csv, r, t.columns_[i]));
    }
    t.archs_.push_back(std::move(arch));
  }
  return t;
}

}  // namespace prpnas::hw
