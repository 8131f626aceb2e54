// A stand-alone network of one architecture of a search space: what export,
// stand-alone training and latency measurement need, whatever the space.
// Implemented by a torch module of the space's family (nn/<family>/).
#ifndef PRPNAS_NN_NETWORK_H_
#define PRPNAS_NN_NETWORK_H_

#include <torch/torch.h>

#include "prpnas/nn/op_observer.h"
#include "prpnas/space/search_space.h"

namespace prpnas::nn {

class Network {
 public:
  virtual ~Network() = default;

  // The module itself: parameters, buffers, train/eval, save/load.
  virtual torch::nn::Module& module() = 0;
  virtual const torch::nn::Module& module() const = 0;

  virtual const space::Architecture& architecture() const = 0;
  virtual torch::Tensor forward(const torch::Tensor& x) = 0;
  // Not owned; nullptr observes nothing.
  virtual void set_observer(OpObserver* observer) = 0;
};

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_NETWORK_H_
