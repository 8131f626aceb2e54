#include "prpnas/nn/mbconv/config.h"

#include <algorithm>

#include <fmt/core.h>

#include "prpnas/util/error.h"

namespace prpnas::nn {

int make_divisible(double value) {
  constexpr int kDivisor = 8;
  int rounded = std::max(kDivisor, static_cast<int>(value + kDivisor / 2.0) / kDivisor * kDivisor);
  if (rounded < 0.9 * value) rounded += kDivisor;
  return rounded;
}

const space::MbFamily& MbConvConfig::family() const {
  if (space == "proxyless") return space::proxyless_family();
  if (space == "mobilenetv2") return space::mobilenet_v2_family();
  if (space == "ofa") return space::ofa_family();
  throw ConfigError("MBConv network config: unknown space '" + space + "' (proxyless, mobilenetv2, ofa)");
}

space::MbConvSpace MbConvConfig::search_space() const { return space::MbConvSpace(space, family()); }

int MbConvConfig::stem_channels() const { return make_divisible(family().stem * width); }
int MbConvConfig::first_block_channels() const { return make_divisible(family().first_block * width); }
int MbConvConfig::stage_channels(int stage) const { return make_divisible(family().stages.at(stage).width * width); }

void MbConvConfig::check() const {
  auto require = [](bool ok, const std::string& what) {
    if (!ok) throw ConfigError("MBConv network config: " + what);
  };
  const space::MbConvSpace table = search_space();
  require(width > 0 && width <= 4, fmt::format("width must be in (0, 4], got {}", width));
  require(stem_stride == 1 || stem_stride == 2, fmt::format("stem_stride must be 1 or 2, got {}", stem_stride));
  require(stage_strides.size() == table.stages().size(),
          fmt::format("stage_strides needs {} entries (one per stage), got {}", table.stages().size(),
                      stage_strides.size()));
  for (int s : stage_strides) require(s == 1 || s == 2, fmt::format("stage strides must be 1 or 2, got {}", s));
  require(head_channels >= 1, fmt::format("head_channels must be at least 1, got {}", head_channels));
  require((feature_mix_channels > 0) == (family().feature_mix > 0),
          fmt::format("feature_mix_channels must be {} for {}, got {}", family().feature_mix > 0 ? "positive" : "0",
                      space, feature_mix_channels));
  require(in_channels >= 1, fmt::format("in_channels must be at least 1, got {}", in_channels));
  require(image_size >= 1, fmt::format("image_size must be at least 1, got {}", image_size));
  require(num_classes >= 1, fmt::format("num_classes must be at least 1, got {}", num_classes));
}

nlohmann::json MbConvConfig::to_json() const {
  nlohmann::json json = {{"space", space},
                         {"width", width},
                         {"stem_stride", stem_stride},
                         {"stage_strides", stage_strides},
                         {"head_channels", head_channels},
                         {"in_channels", in_channels},
                         {"image_size", image_size},
                         {"num_classes", num_classes}};
  // Only where the family has one, so that the sidecars of the other spaces'
  // LUTs keep describing the same network.
  if (feature_mix_channels > 0) json["feature_mix_channels"] = feature_mix_channels;
  return json;
}

namespace {

// The presets' sizes per family: the ImageNet network's width (OFA's Note10
// tables time its w1.2 network) and the CPU preset's width and stage
// strides (stem stride 1; 28 -> 14 -> 7 -> 4).
struct PresetSizes {
  double imagenet_width, cpu_width;
  std::vector<int> cpu_stage_strides;
};

PresetSizes preset_sizes(const std::string& space) {
  if (space == "ofa") return {1.2, 0.5, {2, 2, 1, 1, 2}};
  return {1.0, 0.25, {2, 2, 1, 1, 2, 1}};
}

}  // namespace

MbConvConfig mbconv_preset(std::string_view space, std::string_view name, int in_channels, int image_size,
                           int num_classes) {
  MbConvConfig config;
  config.space = std::string(space);
  config.in_channels = in_channels;
  config.image_size = image_size;
  config.num_classes = num_classes;
  const space::MbFamily& family = config.family();
  const PresetSizes sizes = preset_sizes(config.space);
  if (name == "imagenet") {
    config.width = sizes.imagenet_width;
    for (const auto& stage : family.stages) config.stage_strides.push_back(stage.stride);
    // torchvision's rule: the head never narrows below its width-1.0 size.
    config.head_channels = make_divisible(family.head * std::max(1.0, config.width));
  } else if (name == "default") {
    config.width = sizes.cpu_width;
    config.stem_stride = 1;
    config.stage_strides = sizes.cpu_stage_strides;
    config.head_channels = make_divisible(family.head * config.width);
  } else {
    throw ConfigError(fmt::format("unknown {} preset '{}' (presets: default, imagenet)", space, name));
  }
  if (family.feature_mix > 0) config.feature_mix_channels = make_divisible(family.feature_mix * config.width);
  config.check();
  return config;
}

}  // namespace prpnas::nn
