// End-to-end latency measured per architecture (`prpnas latency measure`).
// File: CSV `arch,latency_ms,mad_ms,samples,energy_mj` (energy empty when the
// setup records no power) with the MeasurementSetup as PATH.json. Pure.
#ifndef PRPNAS_HW_MEASURED_LATENCY_H_
#define PRPNAS_HW_MEASURED_LATENCY_H_

#include <string>
#include <vector>

#include "prpnas/hw/measurement_setup.h"
#include "prpnas/hw/timing_summary.h"
#include "prpnas/space/search_space.h"

namespace prpnas::hw {

struct MeasuredLatency {
  MeasurementSetup setup;
  std::vector<std::string> archs;       // native strings, in file order
  std::vector<TimingSummary> latency;   // one per arch

  std::vector<double> median_ms() const;
};

// Writes PATH.json then PATH, each atomically.
void write_measured_latency(const std::string& path, const MeasuredLatency& measured);

// Throws DataError naming file and line for a missing or corrupt file, an
// architecture string that does not parse in `space`, a duplicate one or a
// non-positive latency; ConfigError when it was measured for another space.
MeasuredLatency read_measured_latency(const std::string& path, const space::SearchSpace& space);

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_MEASURED_LATENCY_H_
