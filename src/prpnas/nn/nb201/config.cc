#include "prpnas/nn/nb201/config.h"

#include "prpnas/util/error.h"

namespace prpnas::nn {

namespace {

struct Preset {
  const char* name;
  int channels, cells_per_stage;
};

constexpr Preset kPresets[] = {
    {"paper", 16, 5},
    {"default", 8, 1},
};

}  // namespace

void Nb201Config::check() const {
  auto require = [](bool ok, const std::string& what) {
    if (!ok) throw ConfigError("NB201 config: " + what);
  };
  require(channels >= 1, "channels (C) must be at least 1, got " + std::to_string(channels));
  require(cells_per_stage >= 1, "cells_per_stage (N) must be at least 1, got " + std::to_string(cells_per_stage));
  require(in_channels >= 1, "in_channels must be at least 1, got " + std::to_string(in_channels));
  require(num_classes >= 1, "num_classes must be at least 1, got " + std::to_string(num_classes));
  // Each reduction halves the size twice over (a stride-2 conv and a 2x2
  // pool) and adds the results, which only agree on even sizes.
  require(image_size >= 4 && image_size % 4 == 0,
          "image_size must be a positive multiple of 4 (two stride-2 reductions), got " +
              std::to_string(image_size));
}

nlohmann::json Nb201Config::to_json() const {
  return {{"channels", channels},       {"cells_per_stage", cells_per_stage}, {"in_channels", in_channels},
          {"image_size", image_size}, {"num_classes", num_classes}};
}

Nb201Config nb201_preset(std::string_view name, int in_channels, int image_size, int num_classes) {
  for (const Preset& p : kPresets) {
    if (name == p.name) {
      Nb201Config config{p.channels, p.cells_per_stage, in_channels, image_size, num_classes};
      config.check();
      return config;
    }
  }
  std::string known;
  for (const auto& n : nb201_preset_names()) known += (known.empty() ? "" : ", ") + n;
  throw ConfigError("unknown NB201 preset '" + std::string(name) + "' (presets: " + known + ")");
}

std::vector<std::string> nb201_preset_names() {
  std::vector<std::string> names;
  for (const Preset& p : kPresets) names.emplace_back(p.name);
  return names;
}

}  // namespace prpnas::nn
