#include "prpnas/eval/experiment_outcome.h"

#include <fmt/core.h>

#include "prpnas/util/number_cell.h"

namespace prpnas::eval {

const std::vector<std::string>& results_header() {
  static const std::vector<std::string> header = {
      "method", "kendall_tau_b", "kendall_tau_b_accuracy", "hypervolume", "front_approximation",
      "front_approximation_nadir", "igd", "train_seconds", "search_seconds", "images", "objectives"};
  return header;
}

std::vector<std::string> results_row(const MethodOutcome& o) {
  return {o.method,
          number_cell(o.kendall_tau_b),
          number_cell(o.kendall_tau_b_accuracy),
          number_cell(o.hypervolume),
          number_cell(o.front_approximation),
          number_cell(o.front_approximation_nadir),
          number_cell(o.igd),
          fmt::format("{:.1f}", o.train_seconds),
          fmt::format("{:.1f}", o.search_seconds),
          std::to_string(o.images),
          o.objectives};
}

}  // namespace prpnas::eval
