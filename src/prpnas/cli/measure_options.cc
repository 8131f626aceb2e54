#include "prpnas/cli/measure_options.h"


#include <cmath>

#include <fmt/core.h>

#include "prpnas/nn/compute_threads.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {

void add_measure_options(CLI::App& command, MeasureOptions& o, int default_repeats, int default_warmup) {
  o.latency.repeats = default_repeats;
  o.latency.warmup = default_warmup;
  command.add_option("--space", o.space, "search space (known: nb201)")->capture_default_str();
  add_network_options(command, o.network, /*shape_required=*/false);
  command.add_option("--batch", o.latency.batch, "images per forward pass")->capture_default_str();
  command.add_option("--threads", o.threads, "libtorch intra-op threads")->capture_default_str();
  command.add_option("--repeats", o.latency.repeats, "timed rounds (the median is kept)")->capture_default_str();
  command.add_option("--warmup", o.latency.warmup, "untimed rounds first")->capture_default_str();
  command.add_option("--device", o.device, "device name to record (default: the CPU model from /proc/cpuinfo)");
  command.add_option("--power-watts", o.power_watts,
                     "average power of the energy model (mJ = W x ms), used when RAPL is not readable")
      ->capture_default_str();
}

MeasurementRecorder::MeasurementRecorder(const MeasureOptions& o) : options_(o) {
  if (o.space != "nb201") throw ConfigError("--space " + o.space + ": latency is only implemented for nb201");
  if (o.threads < 1) throw ConfigError("--threads " + std::to_string(o.threads) + ": needs at least 1");
  if (!(o.power_watts > 0) || !std::isfinite(o.power_watts)) {
    throw ConfigError(fmt::format("--power-watts {}: must be a positive number of watts", o.power_watts));
  }
  o.latency.check();
  nn::set_compute_threads(o.threads);
  if (rapl_.available()) start_ = rapl_.sample();
}

void MeasurementRecorder::complete(hw::MeasurementSetup& setup) const {
  hw::EnergySource source = rapl_.energy_source(options_.power_watts);
  if (rapl_.available() && setup.seconds > 0) {
    source.power_watts = rapl_.joules_between(start_, rapl_.sample()) / setup.seconds;
  }
  setup.preset = options_.network.preset;
  hw::describe_this_machine(setup, options_.device);
  setup.energy = {{"source", source.kind}, {"power_watts", source.power_watts}, {"description", source.description}};
}

}  // namespace prpnas::cli
