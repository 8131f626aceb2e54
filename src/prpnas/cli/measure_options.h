// Command-line options shared by the latency measurements (`lut measure`,
// `latency measure`): the network's shape, batch, threads, repetitions,
// device name and the power of the energy model; and the energy record that
// says whether RAPL measured the power or the model assumed it.
#ifndef PRPNAS_CLI_MEASURE_OPTIONS_H_
#define PRPNAS_CLI_MEASURE_OPTIONS_H_

#include <CLI/CLI.hpp>

#include <string>

#include "prpnas/cli/network_options.h"
#include "prpnas/hw/measurement_setup.h"
#include "prpnas/hw/nb201_latency.h"
#include "prpnas/hw/rapl_meter.h"

namespace prpnas::cli {

struct MeasureOptions {
  std::string space = "nb201";
  NetworkOptions network;
  hw::LatencyOptions latency;
  int threads = 1;
  std::string device;         // empty: the CPU model
  double power_watts = 15;    // energy model when RAPL is not readable
};

void add_measure_options(CLI::App& command, MeasureOptions& options, int default_repeats, int default_warmup);

// Around one measurement: the constructor checks the options, sets libtorch's
// threads and starts RAPL's counters when readable; complete() fills the rest
// of the setup: preset, device, libraries, date, and energy (the average
// package power RAPL saw over the measurement, else the model's power).
class MeasurementRecorder {
 public:
  explicit MeasurementRecorder(const MeasureOptions& options);
  void complete(hw::MeasurementSetup& setup) const;

 private:
  const MeasureOptions& options_;
  hw::RaplMeter rapl_;
  hw::RaplSample start_;
};

}  // namespace prpnas::cli

#endif  // PRPNAS_CLI_MEASURE_OPTIONS_H_
