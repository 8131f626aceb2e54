// Each space's architecture strings: the first byte picks the space. What
// parses formats back to the same text's architecture and is in range.
#include "fuzz_support.h"
#include "prpnas/space/search_space.h"

using namespace prpnas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const space::SearchSpace& space = fuzz::space_of(data[0]);
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  try {
    const space::Architecture arch = space.parse(text);
    fuzz::require(space.is_valid(arch), "a parsed architecture the space calls invalid");
    const std::string formatted = space.format(arch);
    fuzz::require(space.parse(formatted) == arch, "format then parse changed the architecture");
  } catch (const Error& e) {
    fuzz::check_message(e);
  }
  return 0;
}
