// `prpnas battery run`: a bundle's SwitchableModel on this machine, inferring
// on the dataset's test images one at a time, its energy metered (RAPL where
// readable, else power x measured latency), a battery drained by it, and the
// architecture switched by a policy: the real thing beside `battery simulate`.
// The policy ranks the architectures by energy measured here in a short
// calibration. --time-scale plays a long day in a short run.
//
// Writes OUT/switches.csv (each switch), OUT/log.csv (the battery every wall
// second), OUT/summary.csv (per architecture: what it ran, its live accuracy,
// measured latency and energy beside the manifest's) and OUT/run.json.
#ifndef PRPNAS_RUN_BATTERY_LIVE_RUN_H_
#define PRPNAS_RUN_BATTERY_LIVE_RUN_H_

#include <cstdint>
#include <functional>
#include <string>

#include "prpnas/deploy/battery_ledger.h"
#include "prpnas/hw/energy_model.h"
#include "prpnas/util/csv.h"

namespace prpnas::run {

struct BatteryLiveOptions {
  std::string bundle;
  std::string policy = "time:5";
  double seconds = 60;         // wall-clock length
  int64_t inferences = 0;      // stop after this many as well (0: no limit)
  double rate_hz = 10;         // inferences per wall second; 0: back to back
  double capacity_mwh = 3000;
  double time_scale = 1;       // device seconds per wall second (480: 24 h in 3 min)
  double power_watts = 15;     // the energy model when RAPL is not readable
  int threads = 1;
  std::string data;            // dataset spec; "": the manifest's dataset
  std::string out;
  // Called as each switch happens.
  std::function<void(const deploy::SwitchEvent&)> on_switch;
};

struct BatteryLiveResult {
  deploy::BatteryLedger ledger;
  hw::EnergySource energy;
  double wall_s = 0;
  CsvTable summary;            // one row per architecture
};

// Throws ConfigError/DataError naming the option or file, and Interrupted
// (after writing the files) on SIGINT/SIGTERM.
BatteryLiveResult run_battery_live(const BatteryLiveOptions& options);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_BATTERY_LIVE_RUN_H_
