// Latency tables and their sidecars (hw/latency_table.h). The input is the
// sidecar's JSON, a NUL byte, then the table's CSV; the first byte picks the
// space.
#include "fuzz_support.h"
#include "prpnas/hw/latency_table.h"

using namespace prpnas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const space::SearchSpace& space = fuzz::space_of(data[0]);
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  const std::size_t nul = std::min(text.find('\0'), text.size());
  const std::string path = fuzz::write_input(nul < text.size() ? text.substr(nul + 1) : "", "lut.csv");
  fuzz::write_input(text.substr(0, nul), "lut.csv.json");
  try {
    const hw::LatencyTable table = hw::read_latency_table(path, space);
    const space::CostTable costs = table.latency_ms();
    fuzz::require(table.choice.size() == static_cast<std::size_t>(space.num_decisions()), "a decision missing");
    if (const auto watts = table.setup.power_watts()) fuzz::require(*watts >= 0, "negative power");
  } catch (const Error& e) {
    fuzz::check_message(e);
  }
  return 0;
}
