#include "prpnas/nn/darts/config.h"

#include "prpnas/util/error.h"

namespace prpnas::nn {

namespace {

struct DartsPreset {
  const char* name;
  int channels, layers;
};

// "default": the smallest network that keeps DARTS's shape (5 cells: normal,
// reduce, normal, reduce, normal) at C=8, NB201's default width. A
// single-path step at batch 64 costs several NB201 default steps on 2 cores:
// libtorch 1.13's CPU kernels for max pooling's backward and for the 5x5 and
// dilated depthwise convolutions dominate it, not the network's size.
constexpr DartsPreset kDartsPresets[] = {
    {"default", 8, 5},
    {"search", 16, 8},
    {"eval", 36, 20},
};

}  // namespace

void DartsConfig::check() const {
  auto require = [](bool ok, const std::string& what) {
    if (!ok) throw ConfigError("DARTS config: " + what);
  };
  require(channels >= 1, "channels (C) must be at least 1, got " + std::to_string(channels));
  // Fewer cells would make the two reduction cells one and the same.
  require(layers >= 3, "layers must be at least 3 (two distinct reduction cells), got " + std::to_string(layers));
  require(in_channels >= 1, "in_channels must be at least 1, got " + std::to_string(in_channels));
  require(num_classes >= 1, "num_classes must be at least 1, got " + std::to_string(num_classes));
  require(stem_multiplier >= 1, "stem_multiplier must be at least 1, got " + std::to_string(stem_multiplier));
  // FactorizedReduce halves a side twice over (x and x[1:, 1:]) and
  // concatenates the halves, which only agree on even sides: both reductions
  // need an even side.
  require(image_size >= 4 && image_size % 4 == 0,
          "image_size must be a positive multiple of 4 (two stride-2 reductions), got " + std::to_string(image_size));
}

nlohmann::json DartsConfig::to_json() const {
  return {{"space", "darts"},
          {"channels", channels},
          {"layers", layers},
          {"in_channels", in_channels},
          {"image_size", image_size},
          {"num_classes", num_classes},
          {"stem_multiplier", stem_multiplier}};
}

DartsConfig darts_preset(std::string_view name, int in_channels, int image_size, int num_classes) {
  for (const DartsPreset& p : kDartsPresets) {
    if (name == p.name) {
      DartsConfig config{p.channels, p.layers, in_channels, image_size, num_classes, 3};
      config.check();
      return config;
    }
  }
  std::string known;
  for (const auto& n : darts_preset_names()) known += (known.empty() ? "" : ", ") + n;
  throw ConfigError("unknown DARTS preset '" + std::string(name) + "' (presets: " + known + ")");
}

std::vector<std::string> darts_preset_names() {
  std::vector<std::string> names;
  for (const DartsPreset& p : kDartsPresets) names.emplace_back(p.name);
  return names;
}

}  // namespace prpnas::nn
