// The chain family's networks (space/chain_space.h): a stem (Conv3x3 + BN),
// four layers at C channels, each one of its choices (conv3x3 and conv5x5:
// ReLU -> Conv -> BN; skip: identity; avg_pool3x3: 3x3 average pooling, all
// at stride 1), and NB201's head (BN + ReLU, global pooling, Linear). The
// supernet and the stand-alone networks derive from it, so their tensors
// have the same names ("layer2_conv5x5.conv.weight") and a network copies
// its weights out of the supernet by name.
#ifndef PRPNAS_NN_CHAIN_SKELETON_H_
#define PRPNAS_NN_CHAIN_SKELETON_H_

#include <torch/torch.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "prpnas/nn/chain/config.h"
#include "prpnas/nn/nb201/ops.h"
#include "prpnas/nn/op_observer.h"
#include "prpnas/space/search_space.h"

namespace prpnas::nn {

class ChainSkeleton : public torch::nn::Module {
 public:
  const ChainConfig& config() const { return config_; }
  void set_observer(OpObserver* observer) { observer_ = observer; }

  // The module of choice c of layer d, or nullptr when not built (or skip).
  std::shared_ptr<torch::nn::Module> op(int decision, int choice) const;
  // "stem" and "head" with their modules, in forward order.
  std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> fixed_parts() const;

 protected:
  // Builds the choices marked in `ops` (one row per layer, as the space's choices).
  ChainSkeleton(const ChainConfig& config, const space::ChoiceMask& ops);

  // Throw prpnas::Error for a path or mask of another shape.
  torch::Tensor run(const torch::Tensor& x, const space::Architecture& path);
  // Each layer sums its alive choices, choice c of layer d scaled by
  // weights[d][c] when `weights` is defined (nn::check_mask_weights).
  torch::Tensor run(const torch::Tensor& x, const space::ChoiceMask& alive, const torch::Tensor& weights = {});

 private:
  torch::Tensor run_layers(const torch::Tensor& x, const std::vector<std::vector<int>>& chosen,
                           const torch::Tensor& weights = {});
  ChainConfig config_;
  OpObserver* observer_ = nullptr;
  torch::nn::Sequential stem_{nullptr};
  Nb201Head head_{nullptr};
  std::vector<std::vector<torch::nn::AnyModule>> ops_;  // [layer][choice], empty if not built
};

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_CHAIN_SKELETON_H_
