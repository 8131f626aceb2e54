#include "prpnas/cli/measure_options.h"

namespace prpnas::cli {

void add_measure_options(CLI::App& command, MeasureOptions& o, int default_repeats, int default_warmup) {
  o.latency.repeats = default_repeats;
  o.latency.warmup = default_warmup;
  command.add_option("--space", o.space, "search space (nb201, chain, darts, proxyless, mobilenetv2 or ofa)")->capture_default_str();
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

}  // namespace prpnas::cli
