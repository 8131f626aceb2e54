#include "prpnas/util/csv.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <unordered_set>

#include "prpnas/util/atomic_file.h"
#include "prpnas/util/error.h"
#include "prpnas/util/file_bytes.h"
#include "prpnas/util/number_text.h"
#include "prpnas/util/printable.h"

namespace prpnas {

std::size_t CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  std::string known;
  for (const auto& h : header) known += (known.empty() ? "" : ", ") + h;
  throw DataError(source + ": no column " + echoed(name) + " (columns: " + printable_line(known, 600) + ")");
}

std::vector<double> CsvTable::numbers(std::string_view name) const {
  const std::size_t c = column(name);
  std::vector<double> values(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::optional<double> v = parse_decimal(rows[r][c]);
    if (!v) {
      throw DataError(source + ": line " + std::to_string(lines[r]) + ", column " + echoed(name) + ": " +
                      echoed(rows[r][c]) + " is not a finite decimal number");
    }
    values[r] = *v;
  }
  return values;
}

namespace {

// Architecture strings, the longest cells of any real table, take a few
// hundred bytes; a longer field is a damaged or hostile file.
constexpr std::size_t kMaxFieldBytes = 1 << 16;

void check_field_size(const std::string& field, const std::string& source, std::size_t line) {
  if (field.size() > kMaxFieldBytes) {
    throw DataError(source + ": line " + std::to_string(line) + ": a field longer than " +
                    std::to_string(kMaxFieldBytes) + " bytes, more than any real table holds; check the file");
  }
}

}  // namespace

CsvTable parse_csv(std::string_view text, std::string source) {
  // Spreadsheets save UTF-8 with a byte-order mark; it is not part of the first column's name.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvTable table;
  table.source = std::move(source);
  std::vector<std::string> record;
  std::string field;
  std::size_t line = 1, record_line = 1;
  bool in_quotes = false, field_started = false;

  auto end_record = [&] {
    record.push_back(std::move(field));
    field.clear();
    field_started = false;
    // A blank line is no record (common at the end of files).
    const bool blank = record.size() == 1 && record[0].empty();
    if (!blank) {
      if (table.header.empty()) {
        table.header = std::move(record);
      } else {
        if (record.size() != table.header.size()) {
          throw DataError(table.source + ": line " + std::to_string(record_line) + " has " +
                          std::to_string(record.size()) + " fields, the header has " +
                          std::to_string(table.header.size()));
        }
        table.rows.push_back(std::move(record));
        table.lines.push_back(record_line);
      }
    }
    record.clear();
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_quotes) {
      if (ch == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (ch == '\n') ++line;
        field += ch;
        check_field_size(field, table.source, record_line);
      }
    } else if (ch == '"' && !field_started) {
      in_quotes = true;
      field_started = true;
    } else if (ch == ',') {
      record.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record();
      record_line = ++line;
    } else {
      field += ch;
      field_started = true;
      check_field_size(field, table.source, record_line);
    }
  }
  if (in_quotes) {
    throw DataError(table.source + ": line " + std::to_string(record_line) +
                    ": a quoted field is never closed");
  }
  if (field_started || !record.empty()) end_record();
  if (table.header.empty()) throw DataError(table.source + ": empty file, expected a header row");

  std::unordered_set<std::string> seen;
  for (const auto& name : table.header) {
    if (!seen.insert(name).second) {
      throw DataError(table.source + ": column " + echoed(name) + " appears twice in the header");
    }
  }
  return table;
}

CsvTable read_csv(const std::string& path) {
  const std::vector<uint8_t> bytes = read_file_bytes(path, "check the path, or restore the file");
  return parse_csv(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), path);
}

std::string csv_field(std::string_view field) {
  // A leading byte-order mark is quoted too: bare at the start of a file, a
  // reader would drop it (fuzz/csv_fuzz.cc found this).
  if (field.find_first_of(",\"\n\r") == std::string_view::npos && !field.starts_with("\xEF\xBB\xBF")) {
    return std::string(field);
  }
  std::string text = "\"";
  for (const char ch : field) {
    if (ch == '"') text += '"';
    text += ch;
  }
  return text + '"';
}

void write_csv(std::ostream& out, const CsvTable& table) {
  auto write_record = [&out](const std::vector<std::string>& record) {
    for (std::size_t i = 0; i < record.size(); ++i) {
      if (i > 0) out << ',';
      out << csv_field(record[i]);
    }
    out << '\n';
  };
  write_record(table.header);
  for (const auto& row : table.rows) write_record(row);
}

void write_csv_file(const std::string& path, const CsvTable& table) {
  std::ostringstream text;
  write_csv(text, table);
  write_file_atomically(path, text.str());
}

}  // namespace prpnas
