// CSV text: what parses writes back and parses to the same table, and every
// column reads as numbers or fails with a clear error.
#include <sstream>

#include "fuzz_support.h"
#include "prpnas/util/csv.h"

using namespace prpnas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  try {
    const CsvTable table = parse_csv(fuzz::as_text(data, size), "fuzz.csv");
    for (const auto& row : table.rows) fuzz::require(row.size() == table.header.size(), "a ragged row");
    fuzz::require(table.lines.size() == table.rows.size(), "a row without its line number");
    for (const std::string& name : table.header) {
      try {
        table.numbers(name);
      } catch (const Error& e) {
        fuzz::check_message(e);
      }
    }
    std::ostringstream out;
    write_csv(out, table);
    const CsvTable back = parse_csv(out.str(), "back.csv");
    fuzz::require(back.header == table.header && back.rows == table.rows, "write then parse changed the table");
  } catch (const Error& e) {
    fuzz::check_message(e);
  }
  return 0;
}
