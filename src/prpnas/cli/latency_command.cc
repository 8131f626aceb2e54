// `prpnas latency measure`: end-to-end latency of stand-alone networks on
// this machine, the reference LUT estimates are judged against.
#include <fmt/core.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/measure_options.h"
#include "prpnas/hw/measured_latency.h"
#include "prpnas/hw/network_latency.h"
#include "prpnas/space/architecture_file.h"
#include "prpnas/space/search_space.h"

namespace prpnas::cli {

namespace {

struct LatencyMeasureOptions {
  MeasureOptions measure;
  std::string archs, out;
};

void run_measure(const LatencyMeasureOptions& o) {
  const hw::MeasurementRecorder recorder(o.measure, o.measure.network.preset);
  const auto space = space::make_search_space(o.measure.space);
  // A repeated architecture would only be timed twice; keep its first line.
  const auto listed = space::read_architecture_file(o.archs, *space);
  const std::vector<space::Architecture> archs = space::distinct_architectures(listed);
  if (archs.size() < listed.size()) {
    fmt::print(stderr, "prpnas: {} lists {} architectures more than once; each is measured once\n", o.archs,
               listed.size() - archs.size());
  }
  hw::MeasuredLatency measured =
      hw::measure_latency(network_spec(o.measure.network, o.measure.space), archs, o.measure.latency, stderr);
  recorder.complete(measured.setup);
  hw::write_measured_latency(o.out, measured);
  fmt::print(stderr, "prpnas: wrote {} ({} architectures, {} rounds in {:.1f} s; energy: {})\n", o.out,
             archs.size(), o.measure.latency.repeats, measured.setup.seconds,
             measured.setup.energy["description"].get<std::string>());
}

}  // namespace

void add_latency_command(CLI::App& app) {
  CLI::App* latency = app.add_subcommand("latency", "measure the real latency of stand-alone networks");
  latency->require_subcommand(1);
  auto o = std::make_shared<LatencyMeasureOptions>();
  CLI::App* measure = latency->add_subcommand(
      "measure", "end-to-end forward time of each architecture's stand-alone network (median of rounds)");
  add_measure_options(*measure, o->measure, /*default_repeats=*/50, /*default_warmup=*/5);
  measure->add_option("--archs", o->archs, "text file, one architecture string per line")->required();
  measure->add_option("--out", o->out, "CSV to write (arch,latency_ms,mad_ms,samples,energy_mj), with OUT.json")
      ->required();
  measure->callback([o] { run_measure(*o); });
}

}  // namespace prpnas::cli
