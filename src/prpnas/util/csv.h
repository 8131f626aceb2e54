// CSV tables: comma separated, one header row, RFC 4180 quoting (fields may
// hold commas, quotes and newlines when quoted; architecture strings hold `|`
// and `~`, which need none). Gzipped files are read transparently.
#ifndef PRPNAS_UTIL_CSV_H_
#define PRPNAS_UTIL_CSV_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace prpnas {

struct CsvTable {
  std::string source;  // file name, for error messages
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as wide as header
  std::vector<std::size_t> lines;              // 1-based file line of each row

  // Position of `name` in the header; throws DataError naming file and column.
  std::size_t column(std::string_view name) const;

  // The column as finite numbers; throws DataError naming file, line, column
  // and cell for anything else (empty, text, nan, inf).
  std::vector<double> numbers(std::string_view name) const;
};

// Reads a file (plain or .gz); throws DataError when missing, unreadable,
// without header, with duplicate header names, ragged rows or an open quote.
CsvTable read_csv(const std::string& path);

// Parses CSV text; `source` names it in errors.
CsvTable parse_csv(std::string_view text, std::string source);

// Writes header and rows, quoting only fields that need it.
void write_csv(std::ostream& out, const CsvTable& table);

// Writes the table to `path` atomically (util/atomic_file.h).
void write_csv_file(const std::string& path, const CsvTable& table);

// One field as CSV would write it.
std::string csv_field(std::string_view field);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_CSV_H_
