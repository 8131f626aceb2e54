// The MobileNet-style space family (ProxylessNAS, Cai et al., ICLR 2019;
// Once-for-All, Cai et al., ICLR 2020): a stem and a fixed first block, then
// stages of MBConv layers given as data, like torchvision's
// `inverted_residual_setting`. Each layer is a decision: an MBConv of one of
// the family's kernels x expansions, plus `skip` (the zero block: the layer
// is its identity shortcut) on the layers of a stage after its first
// `min_depth`. So layers have k x e or k x e + 1 choices: a ragged space.
//
// The native string is one token per layer, separated by spaces, e.g.
// "k3e6 k5e3 skip ...". "proxyless" is ProxylessNAS's table (21 layers,
// kernel {3, 5, 7} x expansion {3, 6}, skip after a stage's first layer);
// "mobilenetv2" is MobileNetV2's (16 layers), whose all-k3e6 network is
// torchvision's mobilenet_v2; "ofa" is Once-for-All's MobileNetV3 space (20
// layers, expansion {3, 4, 6}, depth 2-4 per stage as skip on the third and
// fourth layers, squeeze-and-excitation and h-swish fixed per stage).
#ifndef PRPNAS_SPACE_MBCONV_SPACE_H_
#define PRPNAS_SPACE_MBCONV_SPACE_H_

#include <string>
#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::space {

enum class MbActivation { kRelu6, kRelu, kHswish };

// One stage: `layers` MBConv layers of `width` output channels; the first
// has stride `stride` (and no shortcut), the others stride 1 with one. Every
// block of the stage has the stage's activation, and squeeze-and-excitation
// after its depthwise conv when `se`.
struct MbStage {
  int width;
  int layers;
  int stride;
  MbActivation activation = MbActivation::kRelu6;
  bool se = false;
};

// A member of the family as data. Widths are before the width multiplier.
struct MbFamily {
  int stem = 32;  // a 3x3 conv, BN and stem_activation
  MbActivation stem_activation = MbActivation::kRelu6;
  // An MBConv of expansion 1 and kernel 3, stride 1; MobileNetV3's adds its
  // input (it keeps the stem's width). ProxylessNAS's and MobileNetV2's
  // (32 -> 16 at width 1) never do, even where a small width multiplier
  // rounds both to 8 channels, as the CPU presets' (torchvision would).
  int first_block = 16;
  MbActivation first_block_activation = MbActivation::kRelu6;
  bool first_block_shortcut = false;
  std::vector<MbStage> stages;
  int head = 1280;  // a 1x1 conv, BN and head_activation, then global pooling
  // MobileNetV3: a 1x1 conv (no BN) and head_activation after the pooling; 0: none.
  int feature_mix = 0;
  MbActivation head_activation = MbActivation::kRelu6;
  std::vector<int> kernels = {3, 5, 7};
  std::vector<int> expansions = {3, 6};
  int min_depth = 1;  // a stage's first min_depth layers always run; later ones may be skip
};

// Widths 24, 40, 80, 96, 192, 320; layers 4, 4, 4, 4, 4, 1; strides 2, 2, 2, 1, 2, 1.
const MbFamily& proxyless_family();
// MobileNetV2's (c, n, s) after its t = 1 block: (24,2,2) (32,3,2) (64,4,2) (96,3,1) (160,3,2) (320,1,1).
const MbFamily& mobilenet_v2_family();
// Once-for-All's MobileNetV3 space (`ofa_mbv3_d234_e346_k357`): stem 16
// (h-swish), first block 16 (ReLU); widths 24, 40, 80, 112, 160, 4 layers
// each, strides 2, 2, 2, 1, 2, ReLU in the first two stages and h-swish
// after, SE in the second, fourth and fifth; head 960, feature mix 1280.
const MbFamily& ofa_family();

class MbConvSpace : public SearchSpace {
 public:
  MbConvSpace(std::string name, MbFamily family);

  std::string_view name() const override { return name_; }
  int num_decisions() const override { return static_cast<int>(layer_stage_.size()); }
  const std::vector<std::string>& choices(int decision) const override;
  std::string decision_name(int decision) const override;  // "stage 2 layer 1"
  std::string format(const Architecture& arch) const override;
  // Throws ParseError naming the character, the layer and what was expected.
  Architecture parse(std::string_view text) const override;
  bool every_combination_works() const override { return true; }

  const MbFamily& family() const { return family_; }
  const std::vector<MbStage>& stages() const { return family_.stages; }
  int stage_of(int decision) const { return layer_stage_.at(decision); }
  bool is_stage_first(int decision) const { return layer_position_.at(decision) == 0; }
  // The choices are kernel-major ("k3e3", "k3e6", ..., "k7e6"), then "skip"
  // on the layers that may be skipped: skip is the same index on every layer.
  int skip_choice() const { return static_cast<int>(names_.size()) - 1; }
  bool is_skip(int choice) const { return choice == skip_choice(); }
  // Of an MBConv choice (not skip).
  int kernel(int choice) const;
  int expansion(int choice) const;

 private:
  std::string name_;
  MbFamily family_;
  std::vector<std::string> names_;  // every choice, skip last
  std::vector<std::string> unskippable_names_;
  std::vector<int> layer_stage_, layer_position_;
};

}  // namespace prpnas::space

#endif  // PRPNAS_SPACE_MBCONV_SPACE_H_
