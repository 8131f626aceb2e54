// Costs of architectures measured elsewhere (HW-NAS-Bench: latency and energy
// on real devices), read from a CSV table (plain or .gz) with
//   - `arch`: the space's native architecture string; each architecture once;
//   - `index` (optional): ignored, it is the source's own numbering;
//   - every other column: a cost, one number per architecture.
// A cost cell is missing when it is `-1` (HW-NAS-Bench: "did not compile for
// the Edge TPU"), empty, or `nan` (any case). Any other cell must be a finite
// number >= 0; text, inf and other negative numbers are errors naming the
// file, line and column. Lookups are by architecture, not by row or index.
#ifndef PRPNAS_HW_DEVICE_TABLE_H_
#define PRPNAS_HW_DEVICE_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::hw {

// How many of some architectures have a value in one column.
struct ColumnCoverage {
  std::size_t with_value = 0;    // in the table, with a value
  std::size_t missing = 0;       // in the table, the cell is missing
  std::size_t not_in_table = 0;  // no row for the architecture
};

class DeviceTable {
 public:
  const std::string& source() const { return source_; }  // the file it was read from
  const std::string& space_name() const { return space_name_; }

  // Cost columns in file order (every column but `arch` and `index`).
  const std::vector<std::string>& columns() const { return columns_; }
  bool has_column(std::string_view name) const;
  // Position of `name` in columns(); throws ConfigError naming it and the
  // available columns (the first few when there are many).
  std::size_t column_index(std::string_view name) const;

  // Architectures in file order; size() of them.
  const std::vector<space::Architecture>& architectures() const { return archs_; }
  std::size_t size() const { return archs_.size(); }
  bool contains(const space::Architecture& arch) const;

  // The cost, or nullopt when the architecture has no row or the cell is
  // missing. Unknown column: ConfigError; an architecture that does not fit
  // the table's space (wrong length, choice out of range): ParseError.
  std::optional<double> cost(const space::Architecture& arch, std::string_view column) const;
  std::optional<double> cost(const space::Architecture& arch, std::size_t column) const;  // by column_index

  ColumnCoverage coverage(std::string_view column, const std::vector<space::Architecture>& archs) const;
  ColumnCoverage coverage(std::string_view column) const;  // over the table's own architectures

 private:
  friend DeviceTable load_device_table(const std::string& path, const space::SearchSpace& space);
  static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

  std::uint64_t key(const space::Architecture& arch) const;  // space index; ParseError if it does not fit
  std::size_t row(const space::Architecture& arch) const;    // kAbsent when not in the table

  std::string source_, space_name_;
  std::vector<std::uint64_t> radix_;  // choices per decision
  std::vector<std::string> columns_;
  std::vector<space::Architecture> archs_;
  std::vector<double> values_;  // row-major [row][column]; NaN = missing
  // Space index -> row: dense when the table covers the whole space, else hashed.
  std::vector<std::uint32_t> dense_rows_;
  std::unordered_map<std::uint64_t, std::uint32_t> sparse_rows_;
};

// Reads and checks a whole table. Throws DataError when the file is missing or
// not CSV, has no `arch` column, no cost column, no rows, a repeated
// architecture (naming both lines) or a bad cost cell; ParseError naming
// file:line and the position when an `arch` does not parse.
DeviceTable load_device_table(const std::string& path, const space::SearchSpace& space);

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_DEVICE_TABLE_H_
