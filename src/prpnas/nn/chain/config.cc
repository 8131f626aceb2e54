#include "prpnas/nn/chain/config.h"

#include "prpnas/util/error.h"

namespace prpnas::nn {
namespace {

struct ChainPreset {
  const char* name;
  int channels;
};

constexpr ChainPreset kChainPresets[] = {{"default", 16}, {"small", 8}};

}  // namespace

void ChainConfig::check() const {
  auto require = [](bool ok, const std::string& what) {
    if (!ok) throw ConfigError("chain network config: " + what);
  };
  require(channels >= 1, "channels must be at least 1, got " + std::to_string(channels));
  require(in_channels >= 1, "in_channels must be at least 1, got " + std::to_string(in_channels));
  require(image_size >= 1, "image_size must be at least 1, got " + std::to_string(image_size));
  require(num_classes >= 1, "num_classes must be at least 1, got " + std::to_string(num_classes));
}

nlohmann::json ChainConfig::to_json() const {
  return {{"space", "chain"}, {"channels", channels}, {"in_channels", in_channels}, {"image_size", image_size},
          {"num_classes", num_classes}};
}

ChainConfig chain_preset(std::string_view name, int in_channels, int image_size, int num_classes) {
  for (const ChainPreset& p : kChainPresets) {
    if (name == p.name) {
      ChainConfig config{p.channels, in_channels, image_size, num_classes};
      config.check();
      return config;
    }
  }
  std::string known;
  for (const ChainPreset& p : kChainPresets) known += (known.empty() ? "" : ", ") + std::string(p.name);
  throw ConfigError("unknown chain preset '" + std::string(name) + "' (presets: " + known + ")");
}

}  // namespace prpnas::nn
