// The printing both modes of `prpnas experiment` share.
#include <cmath>

#include <fmt/core.h>

#include "prpnas/cli/experiment_options.h"
#include "prpnas/report/text.h"

namespace prpnas::cli {

std::string cell(double value) { return std::isfinite(value) ? fmt::format("{:.4f}", value) : "-"; }

std::string with_interval(double value, const pareto::ConfidenceInterval& ci) {
  return report::with_interval(value, ci.low, ci.high);
}

void print_seed_summary(const eval::SeedSummary& summary, const std::vector<eval::MetricSense>& metrics) {
  fmt::print("mean [95 % bootstrap interval] over {} seeds; all figures in seeds.csv, paired tests in paired.csv\n",
             summary.seeds.size());
  fmt::print("{:<16}", "method");
  for (const auto& m : metrics) fmt::print(" {:>26}", m.name);
  fmt::print("\n");
  std::string method;
  for (const eval::MetricSummary& s : summary.metrics) {
    if (s.method != method) {
      if (!method.empty()) fmt::print("\n");
      method = s.method;
      fmt::print("{:<16}", method);
    }
    bool shown = false;
    for (const auto& m : metrics) shown = shown || m.name == s.metric;
    if (!shown) continue;
    fmt::print(" {:>26}", s.n == 0 ? "-" : fmt::format("{} [{}, {}]", cell(s.mean), cell(s.ci.low), cell(s.ci.high)));
  }
  fmt::print("\n");
}

}  // namespace prpnas::cli
