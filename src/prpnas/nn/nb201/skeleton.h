// The NB201 macro structure shared by the supernet and the stand-alone
// networks (NB201's TinyNetwork):
//   stem: Conv3x3(in_channels -> C) + BN
//   N cells at C, reduction C -> 2C, N cells at 2C, reduction 2C -> 4C, N cells at 4C
//   head: BN + ReLU, global average pool, Linear(4C -> classes)
// Both networks derive from it so that their parameters and buffers have the
// same names ("stem.0.weight", "cells.7.edge2.nor_conv_3x3.bn.running_mean",
// "reduction1.conv_a.conv.weight", "head.classifier.bias"), which is what
// lets a stand-alone network copy its weights out of the supernet by name.
#ifndef PRPNAS_NN_NB201_SKELETON_H_
#define PRPNAS_NN_NB201_SKELETON_H_

#include <torch/torch.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "prpnas/nn/nb201/cell.h"
#include "prpnas/nn/nb201/config.h"
#include "prpnas/nn/forward_memo.h"
#include "prpnas/nn/nb201/ops.h"
#include "prpnas/nn/op_observer.h"
#include "prpnas/space/search_space.h"

namespace prpnas::nn {

class Nb201Skeleton : public torch::nn::Module {
 public:
  const Nb201Config& config() const { return config_; }

  // Not owned; nullptr (the default) observes nothing.
  void set_observer(OpObserver* observer) { observer_ = observer; }

  // The 3N cells in forward order (stage 1 first).
  int num_cells() const { return static_cast<int>(cells_.size()); }
  const Nb201Cell& cell(int i) const { return cells_.at(i); }

  // "stem", "reduction1", "reduction2", "head" with their modules, in forward order.
  std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> fixed_parts() const;

 protected:
  // Every cell builds the ops marked in `ops` (6 x 5). Checks the config.
  Nb201Skeleton(const Nb201Config& config, const space::ChoiceMask& ops);

  // The whole network with the cells run by path or by mask (already checked).
  // With a memo, the stem and the first cell reuse what it holds (forward_memo.h):
  // their input is the same for every path.
  torch::Tensor run(const torch::Tensor& x, const space::Architecture& path, ForwardMemo* memo = nullptr);
  // `weights` as Nb201CellImpl's masked forward.
  torch::Tensor run(const torch::Tensor& x, const space::ChoiceMask& alive, const torch::Tensor& weights = {});

 private:
  template <class Choice>
  torch::Tensor run_with(const torch::Tensor& x, const Choice& choice, ForwardMemo* memo,
                         const torch::Tensor& weights = {});
  Nb201Config config_;
  OpObserver* observer_ = nullptr;
  std::vector<Nb201Cell> cells_;
  torch::nn::Sequential stem_{nullptr};
  ResNetBasicBlock reduction1_{nullptr}, reduction2_{nullptr};
  Nb201Head head_{nullptr};
};

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_NB201_SKELETON_H_
