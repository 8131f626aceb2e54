// Command-line options shared by the latency measurements (`lut measure`,
// `latency measure`): the network's shape (--preset, --input, --classes) and
// the measurement's options (hw/measurement_recorder.h).
#ifndef PRPNAS_CLI_MEASURE_OPTIONS_H_
#define PRPNAS_CLI_MEASURE_OPTIONS_H_

#include <CLI/CLI.hpp>

#include "prpnas/cli/network_options.h"
#include "prpnas/hw/measurement_recorder.h"

namespace prpnas::cli {

struct MeasureOptions : hw::MeasurementOptions {
  NetworkOptions network;
};

void add_measure_options(CLI::App& command, MeasureOptions& options, int default_repeats, int default_warmup);

}  // namespace prpnas::cli

#endif  // PRPNAS_CLI_MEASURE_OPTIONS_H_
