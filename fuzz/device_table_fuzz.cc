// Device cost tables (`prpnas costs --table`, hw/device_table.h); the first
// byte picks the space. Costs read are numbers >= 0 or missing.
#include <cmath>
#include "fuzz_support.h"
#include "prpnas/hw/device_table.h"

using namespace prpnas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const space::SearchSpace& space = fuzz::space_of(data[0]);
  const std::string path = fuzz::write_input(fuzz::as_text(data + 1, size - 1), "costs.csv");
  try {
    const hw::DeviceTable table = hw::load_device_table(path, space);
    fuzz::require(!table.columns().empty(), "a table without costs");
  } catch (const Error& e) {
    fuzz::check_message(e);
  }
  return 0;
}
