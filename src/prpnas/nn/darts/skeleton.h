// The DARTS macro structure (quark0/darts cnn/model.py's NetworkCIFAR, no
// auxiliary head, no drop path), shared by the supernet and the stand-alone
// networks so that their tensors have the same names ("stem.0.weight",
// "cells.3.preprocess0.conv.weight", "cells.3.edge1_4.sep_conv_3x3.bn2.running_mean",
// "head.classifier.bias"), which lets a network copy its weights out of the
// supernet by name:
//   stem: Conv3x3(in_channels -> 3C) + BN; s0 = s1 = stem(x)
//   `layers` cells, s0, s1 = s1, cell(s0, s1); reductions (channels doubled)
//     at layers/3 and 2*layers/3, normal cells use decisions 0..11, reductions 12..23
//   head: global average pool, Linear(4C' -> classes)
// Fixed parts seen by the observer, named as their modules: "stem",
// "cells.<i>.preprocess0", "cells.<i>.preprocess1" and "head".
#ifndef PRPNAS_NN_DARTS_SKELETON_H_
#define PRPNAS_NN_DARTS_SKELETON_H_

#include <torch/torch.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "prpnas/nn/darts/cell.h"
#include "prpnas/nn/darts/config.h"
#include "prpnas/nn/darts/ops.h"
#include "prpnas/nn/op_observer.h"

namespace prpnas::nn {

class DartsSkeleton : public torch::nn::Module {
 public:
  const DartsConfig& config() const { return config_; }
  void set_observer(OpObserver* observer) { observer_ = observer; }

  int num_cells() const { return static_cast<int>(cells_.size()); }
  const DartsCell& cell(int i) const { return cells_.at(i); }

  // "stem", every cell's preprocessing and "head" with their modules, in forward order.
  std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> fixed_parts() const;

 protected:
  // ops[t]: what the cells of type t (0 normal, 1 reduce) build. Checks the config.
  DartsSkeleton(const DartsConfig& config, const DartsCellOps& normal, const DartsCellOps& reduce);

  // `run` and `weights` as DartsCellImpl::forward (checked by the caller).
  torch::Tensor run(const torch::Tensor& x, const DartsRun& run, const torch::Tensor& weights = {});

 private:
  DartsConfig config_;
  OpObserver* observer_ = nullptr;
  torch::nn::Sequential stem_{nullptr};
  std::vector<DartsCell> cells_;
  DartsHead head_{nullptr};
};

// The run of a path: its choice alone on every decision.
DartsRun darts_path_run(const space::Architecture& path);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_DARTS_SKELETON_H_
