// The MobileNet-style space family (ProxylessNAS, Cai et al., ICLR 2019):
// a stem and a fixed first block, then stages of MBConv layers given as data,
// like torchvision's `inverted_residual_setting`. Each layer is a decision:
// an MBConv with kernel {3, 5, 7} x expansion {3, 6}, plus `skip` (the zero
// block: the layer is its identity shortcut) on every layer that is not the
// first of its stage. So layers have 6 or 7 choices: a ragged space.
//
// The native string is one token per layer, separated by spaces, e.g.
// "k3e6 k5e3 skip ...". "proxyless" is ProxylessNAS's table (21 layers);
// "mobilenetv2" is MobileNetV2's (16 layers), whose all-k3e6 network is
// torchvision's mobilenet_v2.
#ifndef PRPNAS_SPACE_MBCONV_SPACE_H_
#define PRPNAS_SPACE_MBCONV_SPACE_H_

#include <string>
#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::space {

// One stage: `layers` MBConv layers of `width` output channels; the first
// has stride `stride` (and no shortcut), the others stride 1 with one.
struct MbStage {
  int width;
  int layers;
  int stride;
};

// Widths 24, 40, 80, 96, 192, 320; layers 4, 4, 4, 4, 4, 1; strides 2, 2, 2, 1, 2, 1.
const std::vector<MbStage>& proxyless_stages();
// MobileNetV2's (c, n, s) after its t = 1 block: (24,2,2) (32,3,2) (64,4,2) (96,3,1) (160,3,2) (320,1,1).
const std::vector<MbStage>& mobilenet_v2_stages();

class MbConvSpace : public SearchSpace {
 public:
  // The choices, in this order on every layer; first layers lack the last.
  static constexpr const char* kChoices[] = {"k3e3", "k3e6", "k5e3", "k5e6", "k7e3", "k7e6", "skip"};
  static constexpr int kSkip = 6;

  MbConvSpace(std::string name, std::vector<MbStage> stages);

  std::string_view name() const override { return name_; }
  int num_decisions() const override { return static_cast<int>(layer_stage_.size()); }
  const std::vector<std::string>& choices(int decision) const override;
  std::string decision_name(int decision) const override;  // "stage 2 layer 1"
  std::string format(const Architecture& arch) const override;
  // Throws ParseError naming the character, the layer and what was expected.
  Architecture parse(std::string_view text) const override;
  bool every_combination_works() const override { return true; }

  const std::vector<MbStage>& stages() const { return stages_; }
  int stage_of(int decision) const { return layer_stage_.at(decision); }
  bool is_stage_first(int decision) const;
  // Of an MBConv choice (not skip).
  static int kernel(int choice);
  static int expansion(int choice);

 private:
  std::string name_;
  std::vector<MbStage> stages_;
  std::vector<int> layer_stage_;
};

}  // namespace prpnas::space

#endif  // PRPNAS_SPACE_MBCONV_SPACE_H_
