// The conditions a latency measurement was taken under: which network (space,
// preset and shapes), batch, threads, repetitions, and on which machine with
// which libraries. Stored as the JSON sidecar of every latency table and
// measured-latency file, so two files can be checked for comparability.
#ifndef PRPNAS_HW_MEASUREMENT_SETUP_H_
#define PRPNAS_HW_MEASUREMENT_SETUP_H_

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "prpnas/hw/timing_summary.h"
#include "prpnas/util/csv.h"

namespace prpnas::hw {

struct MeasurementSetup {
  std::string space;          // "nb201"
  std::string preset;         // "default", "paper"
  nlohmann::json network;     // the network's shape, e.g. {"channels":8,"cells_per_stage":1,...}
  int batch = 1;
  int threads = 1;            // libtorch intra-op threads
  int repeats = 0;            // timed runs per entry
  int warmup = 0;             // untimed runs first
  std::string device;         // a name the user chose, or the CPU model
  std::string cpu_model;      // from /proc/cpuinfo
  std::string libraries;      // libtorch and compiler versions
  std::string date;           // UTC, ISO 8601
  double seconds = 0;         // wall time of the measurement
  nlohmann::json energy;      // how energy was obtained (EnergySource), may be null

  // energy.power_watts, if recorded.
  std::optional<double> power_watts() const;

  nlohmann::json to_json() const;
  // Throws DataError naming `source` and the field when one is missing or mistyped.
  static MeasurementSetup from_json(const nlohmann::json& json, const std::string& source);
};

// Fills device, cpu_model, libraries and date for this process; `device`
// empty means "use the CPU model". `libraries`: what did the work, e.g.
// nn::torch_info() (this file knows nothing of torch: table readers use it).
void describe_this_machine(MeasurementSetup& setup, const std::string& device, const std::string& libraries);

// Throws ConfigError unless `a` and `b` time the same network the same way
// (space, preset, network, batch, threads); names both files and the field.
void check_comparable(const MeasurementSetup& a, const std::string& a_file, const MeasurementSetup& b,
                      const std::string& b_file);

// Reads PATH.json; throws DataError naming it when missing or corrupt.
MeasurementSetup read_setup_sidecar(const std::string& path);

// Writes PATH.json first (a table is never left without its setup), then the
// CSV at PATH, each atomically.
void write_with_setup(const std::string& path, const CsvTable& table, const MeasurementSetup& setup);

// The CSV cells median_ms, mad_ms, samples, energy_mj (= watts x median, empty
// without watts) that latency tables and measured latencies share.
std::vector<std::string> timing_fields(const TimingSummary& t, std::optional<double> watts);

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_MEASUREMENT_SETUP_H_
