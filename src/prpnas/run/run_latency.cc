#include "prpnas/run/run_latency.h"

#include <filesystem>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "prpnas/hw/latency_table.h"
#include "prpnas/hw/measurement_recorder.h"
#include "prpnas/hw/network_latency.h"
#include "prpnas/space/search_space.h"
#include "prpnas/train/run_layout.h"
#include "prpnas/util/error.h"

namespace prpnas::run {
namespace {

std::string device_table_notice(const std::string& path, const hw::LatencyTable& table,
                                const nn::NetworkSpec& network) {
  if (table.setup.network == nn::network_json(network)) return "";
  const nlohmann::json& other = table.setup.network;
  std::string shape;  // as plainly as the trained one's, when the table's sidecar says it
  if (other.contains("in_channels") && other.contains("image_size")) {
    const auto size = other["image_size"].dump();
    shape = fmt::format(", {}x{}x{} input", other["in_channels"].dump(), size, size);
  }
  return fmt::format("Two networks: accuracy is that of the network this run trains ({}, preset {}, {}x{}x{} input); "
                     "latency and energy are those of {} for another network of the same space (preset {}{}: {}), "
                     "from {} (evaluation.lut_network = \"space\", or search --lut).",
                     network.space, network.preset, network.in_channels, network.image_size, network.image_size,
                     table.setup.device, table.setup.preset, shape, other.dump(), path);
}

// A table timed on another network would rank by the wrong costs, unless the
// config says it describes the same space on a device (lut_network = "space").
hw::LatencyTable checked_latency(const std::string& path, const nn::NetworkSpec& network,
                                 const std::string& lut_network) {
  const hw::LatencyTable table = hw::read_latency_table(path, *space::make_search_space(network.space));
  if (lut_network == "space") {  // read_latency_table refused another space
    const std::string notice = device_table_notice(path, table, network);
    if (!notice.empty()) fmt::print(stderr, "prpnas: note: {}\n", notice);
    return table;
  }
  if (table.setup.network != nn::network_json(network)) {
    throw ConfigError(fmt::format("{} was measured on the network {}, but this run trains {}; "
                                  "measure one for it (prpnas lut measure), set lut = \"\", or, for a "
                                  "device's table of this space, evaluation.lut_network = \"space\"",
                                  path, table.setup.network.dump(), nn::network_json(network).dump()));
  }
  return table;
}

}  // namespace

std::string cost_source_notice(const TrainConfig& config, const nn::NetworkSpec& network) {
  if (config.lut.empty() || config.lut_network != "space") return "";
  const hw::LatencyTable table = hw::read_latency_table(config.lut, *space::make_search_space(network.space));
  return device_table_notice(config.lut, table, network);
}

hw::LatencyTable run_latency_table(const TrainConfig& config, const nn::NetworkSpec& network,
                                   const std::string& run_dir, bool measure_if_missing) {
  if (!config.lut.empty()) {
    try {
      return checked_latency(config.lut, network, config.lut_network);
    } catch (const Error& e) {
      throw ConfigError(fmt::format("evaluation.lut: {}", e.what()));  // the key, not only its file
    }
  }
  const std::string path = train::RunLayout(run_dir).lut();
  if (std::filesystem::exists(path)) return checked_latency(path, network, "run");
  if (!measure_if_missing) {
    throw ConfigError(fmt::format("{}: no latency table, and the run's config names none (evaluation.lut)", path));
  }
  fmt::print(stderr, "prpnas: measuring a latency table for this run ({}; batch 1, 1 thread)\n", path);
  hw::MeasurementOptions measure;  // as `lut measure` does by default
  measure.space = network.space;
  measure.latency.repeats = 500;
  measure.latency.warmup = 50;
  const hw::MeasurementRecorder recorder(measure, config.preset);
  hw::LatencyTable table = hw::measure_lut(network, measure.latency, stderr);
  recorder.complete(table.setup);
  hw::write_latency_table(path, table, *space::make_search_space(network.space));
  // The file's values, not the measurement's: a resumed run or a search reads
  // the file, and must rank by exactly the same costs.
  return checked_latency(path, network, "run");
}

}  // namespace prpnas::run
