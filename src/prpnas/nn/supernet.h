// The seam between a search space's networks and everything that trains,
// evaluates, times or exports them: a weight-sharing supernet of any space
// (NB201, DARTS, ProxylessNAS, ...) as training needs it. One torch module
// holds every choice of every decision; alpha, the [decisions x largest
// choice count] operation scores, is its registered parameter "alpha", kept
// apart from the weights so that each gets its own optimiser. In a ragged
// space, the columns past a decision's last choice exist but stay dead.
//
// Implementations live in nn/<family>/ and are built by make_supernet
// (nn/supernet_factory.h).
#ifndef PRPNAS_NN_SUPERNET_H_
#define PRPNAS_NN_SUPERNET_H_

#include <torch/torch.h>

#include <memory>
#include <vector>

#include "prpnas/nn/forward_memo.h"
#include "prpnas/nn/network.h"
#include "prpnas/nn/op_observer.h"
#include "prpnas/space/search_space.h"

namespace prpnas::nn {

class Supernet {
 public:
  virtual ~Supernet() = default;

  virtual const space::SearchSpace& space() const = 0;
  // The module itself: parameters, buffers, train/eval, save/load.
  virtual torch::nn::Module& module() = 0;
  virtual const torch::nn::Module& module() const = 0;

  // Single path: on each decision only the chosen choice runs. Throws
  // prpnas::Error for an architecture of another shape.
  virtual torch::Tensor forward(const torch::Tensor& x, const space::Architecture& path) = 0;
  // The same, bit for bit, taking parts that depend only on the images and
  // some decisions from `memo` (nn/forward_memo.h) when it holds them, and
  // storing them there otherwise. The op observer sees only what runs. A
  // family that keeps nothing runs the plain forward.
  virtual torch::Tensor forward(const torch::Tensor& x, const space::Architecture& path, ForwardMemo& /*memo*/) {
    return forward(x, path);
  }
  // Each decision runs the unweighted sum of its alive choices. Throws
  // prpnas::Error unless every decision has an alive choice.
  virtual torch::Tensor forward(const torch::Tensor& x, const space::ChoiceMask& alive) = 0;
  // The same, choice c of decision d scaled by weights[d][c] (a
  // [decisions x largest choice count] tensor; gradients flow into it when
  // it requires them). Weights of 1 give the unweighted sum, a one-hot row
  // per decision the single path. Throws prpnas::Error for a bad mask.
  virtual torch::Tensor forward(const torch::Tensor& x, const space::ChoiceMask& alive,
                                const torch::Tensor& weights) = 0;

  // Not owned; nullptr observes nothing (nn/op_observer.h).
  virtual void set_observer(OpObserver* observer) = 0;

  // Every module `path` runs through: the fixed parts and, per decision,
  // the chosen choice's module wherever it sits (BN recalibration resets
  // the batch norms in them). Throws prpnas::Error for a bad path.
  virtual std::vector<std::shared_ptr<torch::nn::Module>> path_modules(const space::Architecture& path) const = 0;

  // The stand-alone network of `arch` with this supernet's weights and BN
  // statistics copied into it.
  virtual std::shared_ptr<Network> standalone(const space::Architecture& arch) const = 0;

  // The registered parameter "alpha", zeros at construction.
  torch::Tensor alpha() const;
  // Every parameter except alpha.
  std::vector<torch::Tensor> weights() const;
};

// Copies every parameter and buffer of `to` from the tensor of the same name
// in `from` (stand-alone networks share their supernet's names). Throws
// prpnas::Error naming a tensor `from` lacks or holds in another shape.
void copy_tensors_by_name(const torch::nn::Module& from, torch::nn::Module& to);

// For the weighted masked forward: nothing when `weights` is undefined, else
// throws prpnas::Error unless it is a finite 2-D floating tensor with one
// row per decision of `mask` and a column per choice of its longest row.
void check_mask_weights(const torch::Tensor& weights, const space::ChoiceMask& mask);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_SUPERNET_H_
