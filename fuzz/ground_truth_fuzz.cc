// A ground-truth file read back for resuming (eval/ground_truth_file.h):
// every row is checked, and a row appended to what was read reads back too.
#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "prpnas/eval/ground_truth_file.h"

using namespace prpnas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const nlohmann::json fidelity = {{"epochs", 1}};
  const std::string path = fuzz::write_input(fuzz::as_text(data, size), "gt.csv");
  fuzz::write_input(fidelity.dump(), "gt.csv.json");
  try {
    std::size_t rows = 0;
    {
      eval::GroundTruthFile file(path, fidelity);
      rows = file.size();
      if (!file.contains("fuzz-added")) file.append({"fuzz-added", 50, 50, 1, 1, 1, 1, 0.5});
    }
    const eval::GroundTruthFile again(path, fidelity);
    fuzz::require(again.contains("fuzz-added") && again.size() >= rows, "an appended row did not read back");
  } catch (const Error& e) {
    fuzz::check_message(e);
  }
  return 0;
}
