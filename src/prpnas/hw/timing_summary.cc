#include "prpnas/hw/timing_summary.h"

#include <algorithm>
#include <cmath>

namespace prpnas::hw {

namespace {

double median_of(std::vector<double>& v) {
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  if (v.size() % 2 == 1) return v[mid];
  const double upper = v[mid];
  return (*std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid)) + upper) / 2;
}

}  // namespace

TimingSummary summarize_timings(std::vector<double> samples_ms) {
  TimingSummary s;
  s.samples = static_cast<int>(samples_ms.size());
  if (samples_ms.empty()) return s;
  s.median_ms = median_of(samples_ms);
  for (double& x : samples_ms) x = std::abs(x - s.median_ms);
  s.mad_ms = median_of(samples_ms);
  return s;
}

}  // namespace prpnas::hw
