// --objective specs and --reference points: the input is "SPEC\nREFERENCE",
// specs separated by ';'.
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "prpnas/pareto/objective.h"

using namespace prpnas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const std::size_t newline = std::min(text.find('\n'), text.size());
  const std::string_view specs = text.substr(0, newline);
  const std::string_view reference = newline < text.size() ? text.substr(newline + 1) : std::string_view();
  try {
    std::vector<pareto::Objective> objectives;
    for (std::size_t start = 0; start <= specs.size();) {
      const std::size_t end = std::min(specs.find(';', start), specs.size());
      objectives.push_back(pareto::parse_objective(specs.substr(start, end - start)));
      start = end + 1;
    }
    const pareto::Point point = pareto::parse_reference(reference, objectives);
    fuzz::require(point.size() == objectives.size(), "a reference of the wrong size");
  } catch (const Error& e) {
    fuzz::check_message(e);
  }
  return 0;
}
