#include "prpnas/run/export_description.h"

#include <algorithm>
#include <filesystem>

#include <fmt/core.h>

#include "prpnas/train/run_layout.h"
#include "prpnas/util/error.h"

namespace prpnas::run {

train::Batch export_check_batch(const data::DatasetSplits& data, const std::string& run_dir) {
  constexpr int64_t kCheckedImages = 1000;
  const int64_t checked = std::min<int64_t>(kCheckedImages, data.test.size());
  if (checked == 0) throw DataError(fmt::format("--run {}: the dataset has no test images to check with", run_dir));
  return train::make_batch(data.test, torch::arange(checked), data);
}

nlohmann::json input_description(const TrainConfig& config, const RunSetup& setup, const data::DatasetSplits& data) {
  return {
      {"space", config.space},
      {"network", nn::network_json(setup.inputs.network)},
      {"input", {{"channels", data.channels}, {"height", data.height}, {"width", data.width}}},
      {"normalisation", {{"formula", "(pixel / 255 - mean[c]) / std[c]"}, {"mean", data.mean}, {"std", data.stddev}}},
      {"classes", data.num_classes},
      {"dataset", data.name},
  };
}

ArchitectureCostSheet::ArchitectureCostSheet(const TrainConfig& config, const RunSetup& setup,
                                             const std::string& run_dir)
    : counter_(nn::architecture_costs(setup.inputs.network)),
      lut_path_(config.lut.empty() ? train::RunLayout(run_dir).lut() : config.lut) {
  if (std::filesystem::exists(lut_path_)) lut_ = hw::read_latency_table(lut_path_, *setup.space);
}

nlohmann::json ArchitectureCostSheet::costs(const space::Architecture& arch) const {
  const nn::ArchitectureCosts counted = counter_(arch);
  nlohmann::json costs = {
      {"params", {{"value", counted.params}, {"source", "counted on the network"}}},
      {"flops", {{"value", counted.flops}, {"source", "counted on the network (multiply-adds)"}}},
  };
  if (!lut_) return costs;
  costs["latency_ms"] = {{"value", lut_->latency_ms().cost(arch)},
                         {"source", "LUT " + lut_path_},
                         {"device", lut_->setup.device},
                         {"network", lut_->setup.network}};  // another one with evaluation.lut_network = "space"
  if (lut_->setup.power_watts()) {  // a device table may give latency only
    costs["energy_mj"] = {{"value", lut_->energy_mj().cost(arch)}, {"source", "LUT " + lut_path_},
                          {"device", lut_->setup.device}, {"method", lut_->setup.energy}};
  }
  return costs;
}

}  // namespace prpnas::run
