// The MBConv family's networks (space/mbconv_space.h, nn/mbconv/config.h):
// stem, the fixed first block, one MBConv per choice of every layer, and the
// head (1x1 conv to the head width, global pooling, the feature mix where
// the family has one, Linear). A layer that is
// not the first of its stage adds its input (the identity shortcut), so
// `skip` (the zero block) builds no module and the layer passes its input
// on; the op observer still sees skip, at no cost. The supernet and the
// stand-alone networks derive from it, so their tensors have the same names
// ("layer3_k5e6.depthwise.0.weight") and a network copies its weights out of
// the supernet by name.
#ifndef PRPNAS_NN_MBCONV_SKELETON_H_
#define PRPNAS_NN_MBCONV_SKELETON_H_

#include <torch/torch.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "prpnas/nn/mbconv/block.h"
#include "prpnas/nn/mbconv/config.h"
#include "prpnas/nn/op_observer.h"

namespace prpnas::nn {

class MbConvSkeleton : public torch::nn::Module {
 public:
  const MbConvConfig& config() const { return config_; }
  const space::MbConvSpace& table() const { return space_; }
  void set_observer(OpObserver* observer) { observer_ = observer; }

  // The block of choice c of layer d; nullptr for skip or when not built.
  MbConvBlock op(int decision, int choice) const;
  const MbConvBlock& first_block() const { return first_; }
  // "stem", "first_block" and "head" with their modules, in forward order.
  std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> fixed_parts() const;
  // The side of the images layer d reads (square).
  int64_t layer_input_size(int decision) const { return layer_in_size_.at(decision); }
  int64_t layer_in_channels(int decision) const { return layer_in_channels_.at(decision); }
  int64_t final_size() const { return final_size_; }

 protected:
  // Builds the choices marked in `ops` (one row per layer, as the space's choices).
  MbConvSkeleton(const MbConvConfig& config, const space::ChoiceMask& ops);

  // Throw prpnas::Error for a path or mask of another shape.
  torch::Tensor run(const torch::Tensor& x, const space::Architecture& path);
  torch::Tensor run(const torch::Tensor& x, const space::ChoiceMask& alive, const torch::Tensor& weights = {});

 private:
  torch::Tensor run_layers(const torch::Tensor& x, const std::vector<std::vector<int>>& chosen,
                           const torch::Tensor& weights);

  MbConvConfig config_;
  space::MbConvSpace space_;
  OpObserver* observer_ = nullptr;
  torch::nn::Sequential stem_{nullptr};
  torch::nn::AnyModule head_;
  MbConvBlock first_{nullptr};
  bool first_shortcut_ = false;  // the family's first_block_shortcut
  std::vector<std::vector<MbConvBlock>> ops_;  // [layer][choice]; empty for skip or not built
  std::vector<int64_t> layer_in_size_, layer_in_channels_;
  int64_t final_size_ = 0;
};

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_MBCONV_SKELETON_H_
