// CSV files through the file reader: gzip (the seeds are gzipped tables) or
// plain, corrupt, truncated or concatenated streams.
#include "fuzz_support.h"
#include "prpnas/util/csv.h"

using namespace prpnas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string path = fuzz::write_input(fuzz::as_text(data, size), "table.csv.gz");
  try {
    const CsvTable table = read_csv(path);
    fuzz::require(table.source == path, "a table that forgot its file");
  } catch (const Error& e) {
    fuzz::check_message(e);
  }
  return 0;
}
