#include "prpnas/eval/standalone.h"

#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

#include "prpnas/util/error.h"

namespace prpnas::eval {

nlohmann::json Fidelity::to_json() const {
  return {{"dataset", data.spec},
          {"valid_size", data.valid_size},
          {"train_limit", data.train_limit},
          {"valid_limit", data.valid_limit},
          {"test_limit", data.test_limit},
          {"split_seed", data.seed},
          {"space", space},
          {"preset", preset},
          {"epochs", train.epochs},
          {"batch_size", train.batch_size},
          {"learning_rate", train.learning_rate},
          {"momentum", train.momentum},
          {"weight_decay", train.weight_decay},
          {"seed", train.seed}};
}

Fidelity Fidelity::from_json(const nlohmann::json& json) {
  Fidelity f;
  try {
    f.data.spec = json.at("dataset");
    f.data.valid_size = json.at("valid_size");
    f.data.train_limit = json.at("train_limit");
    f.data.valid_limit = json.at("valid_limit");
    f.data.test_limit = json.at("test_limit");
    f.data.seed = json.at("split_seed");
    f.space = json.value("space", std::string("nb201"));
    f.preset = json.at("preset");
    f.train.epochs = json.at("epochs");
    f.train.batch_size = json.at("batch_size");
    f.train.learning_rate = json.at("learning_rate");
    f.train.momentum = json.at("momentum");
    f.train.weight_decay = json.at("weight_decay");
    f.train.seed = json.at("seed");
  } catch (const nlohmann::json::exception& e) {
    throw DataError(std::string("fidelity: ") + e.what());
  }
  return f;
}

nn::NetworkSpec network_config(const Fidelity& fidelity, const data::DatasetSplits& data) {
  if (data.height != data.width) {
    throw ConfigError(data.name + " images are " + std::to_string(data.height) + "x" +
                      std::to_string(data.width) + "; " + fidelity.space + " networks need square images");
  }
  return {fidelity.space, fidelity.preset, data.channels, data.height, data.num_classes};
}

nlohmann::json read_fidelity_json(const std::string& truth_path) {
  const std::string path = truth_path + ".json";
  std::ifstream in(path);
  if (!in) throw DataError(path + ": missing; the ground truth needs its fidelity sidecar (written by ground-truth)");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw DataError(path + ": not JSON (" + e.what() + ")");
  }
}

GroundTruthRow train_standalone(const space::SearchSpace& space, const space::Architecture& arch,
                                const data::DatasetSplits& data, const Fidelity& fidelity,
                                std::shared_ptr<nn::Network>* trained) {
  if (space.name() != fidelity.space) {
    throw ConfigError("stand-alone training: an architecture of " + std::string(space.name()) +
                      " at a fidelity of space " + fidelity.space);
  }
  const nn::NetworkSpec spec = network_config(fidelity, data);
  std::shared_ptr<nn::Network> network;
  GroundTruthRow row;
  {
    // Building modules draws from torch's global generator: measure costs,
    // seed and build under one lock so parallel jobs cannot interleave draws.
    static std::mutex mutex;
    static std::optional<std::pair<nn::NetworkSpec, nn::NetworkCosts>> costs;  // last spec's
    std::lock_guard lock(mutex);
    if (!costs || !(costs->first == spec)) costs.emplace(spec, nn::network_costs(spec));
    row.params = static_cast<int64_t>(costs->second.params.cost(arch));
    row.flops = static_cast<int64_t>(costs->second.flops.cost(arch));
    torch::manual_seed(fidelity.train.seed);
    network = nn::make_network(spec, arch);
  }
  train::TrainOptions options = fidelity.train;
  options.label = space.format(arch);
  const train::TrainResult result = train::train_classifier(
      network->module(), [&](const torch::Tensor& x) { return network->forward(x); }, data, options);

  row.arch = space.format(arch);
  row.valid_accuracy = result.valid_accuracy;
  row.test_accuracy = result.test_accuracy;
  row.train_seconds = result.train_seconds;
  row.images_per_second = result.images_per_second;
  row.train_loss = result.train_loss;
  if (trained) *trained = network;
  return row;
}

}  // namespace prpnas::eval
