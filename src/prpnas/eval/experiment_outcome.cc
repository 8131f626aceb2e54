#include "prpnas/eval/experiment_outcome.h"

#include <fmt/core.h>

#include "prpnas/util/number_cell.h"

namespace prpnas::eval {

const std::vector<std::string>& results_header() {
  static const std::vector<std::string> header = {
      "method", "hv_ratio", "igd_plus", "epsilon", "true_front_hits", "near_hits", "true_front_size",
      "kendall_tau_b", "kendall_ci_low", "kendall_ci_high", "kendall_tau_b_accuracy", "kendall_accuracy_ci_low",
      "kendall_accuracy_ci_high", "front_size", "candidates",
      // The older figures, kept for comparability (docs/FORMATS.md).
      "hypervolume", "front_approximation", "front_approximation_nadir", "igd", "train_seconds", "search_seconds",
      "images", "objectives"};
  return header;
}

std::vector<std::string> results_row(const MethodOutcome& o) {
  return {o.method,
          number_cell(o.metrics.hypervolume_ratio),
          number_cell(o.metrics.igd_plus),
          number_cell(o.metrics.epsilon),
          std::to_string(o.metrics.exact_hits),
          std::to_string(o.metrics.near_hits),
          std::to_string(o.metrics.true_front_size),
          number_cell(o.kendall_tau_b),
          number_cell(o.kendall_ci.low),
          number_cell(o.kendall_ci.high),
          number_cell(o.kendall_tau_b_accuracy),
          number_cell(o.kendall_accuracy_ci.low),
          number_cell(o.kendall_accuracy_ci.high),
          std::to_string(o.front.size()),
          std::to_string(o.candidates),
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
