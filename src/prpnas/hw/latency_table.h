// A latency lookup table (LUT): the measured time of every (decision, choice)
// operation plus the fixed parts (stem, reductions, head, and "other": the
// rest of a forward pass, such as the additions joining edges). The LUT
// estimate of an architecture is
//   fixed + sum over decisions d of choice[d][arch[d]]      (`none` is 0)
// File: CSV `decision,choice,median_ms,mad_ms,samples,energy_mj` with the
// fixed parts under decision "fixed", and the MeasurementSetup as PATH.json
// (docs/FORMATS.md). Pure: no torch.
#ifndef PRPNAS_HW_LATENCY_TABLE_H_
#define PRPNAS_HW_LATENCY_TABLE_H_

#include <string>
#include <utility>
#include <vector>

#include "prpnas/hw/measurement_setup.h"
#include "prpnas/hw/timing_summary.h"
#include "prpnas/space/cost_table.h"
#include "prpnas/space/search_space.h"

namespace prpnas::hw {

struct LatencyTable {
  MeasurementSetup setup;
  std::vector<std::pair<std::string, TimingSummary>> fixed;  // in forward order
  std::vector<std::vector<TimingSummary>> choice;            // [decision][choice]

  // The medians as an additive cost (ms), ready for estimates.
  space::CostTable latency_ms() const;
  // Energy per image in mJ = the setup's average power x latency; throws
  // ConfigError when the setup records no power (setup.energy.power_watts).
  space::CostTable energy_mj() const;
};

// Writes PATH and PATH.json atomically.
void write_latency_table(const std::string& path, const LatencyTable& table, const space::SearchSpace& space);

// Throws DataError naming the file and line for a missing or corrupt table, a
// missing or duplicate (decision, choice) entry, or a negative or non-numeric
// time; ConfigError when the table was measured for another space.
LatencyTable read_latency_table(const std::string& path, const space::SearchSpace& space);

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_LATENCY_TABLE_H_
