// `prpnas battery simulate`: a bundle's architectures (their accuracy and
// energy per inference, from the manifest or a device table) run through a
// simulated day by each policy (deploy/battery_simulation.h). Writes
// OUT/battery.csv (charge over time per policy), OUT/summary.csv and
// OUT/battery.svg (+ .png). No torch.
#ifndef PRPNAS_RUN_BATTERY_RUN_H_
#define PRPNAS_RUN_BATTERY_RUN_H_

#include <string>
#include <vector>

#include "prpnas/deploy/battery_simulation.h"
#include "prpnas/util/csv.h"

namespace prpnas::run {

struct BatterySimulateOptions {
  std::string bundle;
  deploy::SimulationOptions simulation;
  std::vector<std::string> policies = {"most-accurate", "most-efficient", "time:5"};  // the paper's three
  std::string energy_table;   // "": the manifest's energy_mj; else a device table (arch + columns)
  std::string energy_column;  // its column, mJ per inference (e.g. c10_edgegpu_energy)
  // "bundle": the accuracy the bundle's networks reached on the export's test
  // images (what is deployed); "manifest": each architecture's manifest
  // accuracy (stand-alone when known: what the architecture reaches trained alone).
  std::string accuracy = "bundle";
  std::string out;
};

struct BatterySimulateResult {
  CsvTable summary;          // one row per policy
  std::string energy_source;
  std::string accuracy_source;
};

// Throws ConfigError/DataError naming the option or file.
BatterySimulateResult simulate_bundle(const BatterySimulateOptions& options);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_BATTERY_RUN_H_
