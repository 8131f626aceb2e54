#include "prpnas/report/markdown_table.h"

#include <fmt/format.h>

#include <cstddef>

#include "prpnas/report/text.h"
#include "prpnas/util/error.h"

namespace prpnas::report {

namespace {

std::string cell_text(const std::string& cell) {
  std::string out;
  out.reserve(cell.size());
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == '|') {
      out += "\\|";
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < cell.size() && cell[i + 1] == '\n') ++i;  // CRLF is one break
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

void append_row(std::string& out, const std::vector<std::string>& cells) {
  out += '|';
  for (const auto& cell : cells) {
    out += ' ';  // appended piecewise: " " + s + " |" trips GCC 12's false -Wrestrict
    out += cell_text(cell);
    out += " |";
  }
  out += '\n';
}

}  // namespace

std::string markdown_table(const std::vector<std::string>& header,
                           const std::vector<std::vector<std::string>>& rows) {
  if (header.empty()) {
    throw ConfigError("markdown table: the header is empty; a table needs at least one named column");
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() != header.size()) {
      throw ConfigError(
          fmt::format("markdown table: row {} has {} cells but the header has {}; "
                      "give one cell per column (empty strings for none)",
                      r + 1, rows[r].size(), header.size()));
    }
  }
  std::string out;
  append_row(out, header);
  out += '|';
  for (std::size_t c = 0; c < header.size(); ++c) {
    bool numeric = false, other = false;
    for (const auto& row : rows) {
      if (row[c].empty()) continue;
      (looks_numeric(row[c]) ? numeric : other) = true;
    }
    out += numeric && !other ? " ---: |" : " --- |";
  }
  out += '\n';
  for (const auto& row : rows) append_row(out, row);
  return out;
}

}  // namespace prpnas::report
