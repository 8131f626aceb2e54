// Size of a network of the MobileNet-style family (space/mbconv_space.h):
// the family's widths scaled by a width multiplier (torchvision's
// _make_divisible to multiples of 8): a stem conv, the fixed first MBConv,
// the stages, a 1x1 conv to the head width, global pooling, MobileNetV3's
// feature-mix conv where the family has one, and the classifier. Presets:
// - "imagenet": stem stride 2 and the table's strides, the ImageNet network
//   (pass --input 3x224x224 --classes 1000), for counting, LUTs and export:
//   width 1.0 and a 1280-channel head for ProxylessNAS and MobileNetV2;
//   width 1.2 for ofa (Once-for-All's w1.2 network, whose blocks the Note10
//   tables time: head 1152, feature mix 1536);
// - "default": a CPU preset for 28x28 Fashion-MNIST, stem stride 1:
//   proxyless and mobilenetv2 at width 0.25, stage strides 2, 2, 1, 1, 2, 1
//   (28 -> 14 -> 7 -> 4), a 320-channel head (1280 x width; torchvision
//   keeps 1280 below width 1); ofa at width 0.5, strides 2, 2, 1, 1, 2
//   (28 -> 14 -> 7 -> 4), head 480, feature mix 640.
#ifndef PRPNAS_NN_MBCONV_CONFIG_H_
#define PRPNAS_NN_MBCONV_CONFIG_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "prpnas/space/mbconv_space.h"

namespace prpnas::nn {

struct MbConvConfig {
  std::string space = "proxyless";  // the stage table: proxyless or mobilenetv2
  double width = 1.0;
  int stem_stride = 2;
  std::vector<int> stage_strides;  // one per stage of the table
  int head_channels = 1280;
  int feature_mix_channels = 0;  // 0 unless the family has a feature mix
  int in_channels = 3;
  int image_size = 224;
  int num_classes = 1000;

  // Throws ConfigError naming the field.
  void check() const;
  nlohmann::json to_json() const;
  bool operator==(const MbConvConfig&) const = default;

  // The space of `space`, and the channel counts after the width multiplier.
  space::MbConvSpace search_space() const;
  const space::MbFamily& family() const;
  int stem_channels() const;
  int first_block_channels() const;
  int stage_channels(int stage) const;
};

// torchvision's _make_divisible(v, 8): the nearest multiple of 8, at least 8
// and not below 90 % of v.
int make_divisible(double value);

// Throws ConfigError naming the known presets.
MbConvConfig mbconv_preset(std::string_view space, std::string_view name, int in_channels, int image_size,
                           int num_classes);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_MBCONV_CONFIG_H_
