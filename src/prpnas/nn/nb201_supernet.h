// The NB201 supernet: every cell holds all five ops on each of its six edges,
// so one set of weights (per cell) is shared by all 15,625 sub-networks.
// alpha, the [6 x 5] operation scores, is a registered parameter kept apart
// from the weights so that each gets its own optimiser.
#ifndef PRPNAS_NN_NB201_SUPERNET_H_
#define PRPNAS_NN_NB201_SUPERNET_H_

#include <torch/torch.h>

#include <vector>

#include "prpnas/nn/nb201_skeleton.h"

namespace prpnas::nn {

class Nb201SupernetImpl : public Nb201Skeleton {
 public:
  explicit Nb201SupernetImpl(const Nb201Config& config);

  // Single path: on each edge only the chosen op runs (`none` gives zeros).
  // Throws prpnas::Error unless the path has 6 choices in 0..4.
  torch::Tensor forward(const torch::Tensor& x, const space::Architecture& path);
  // Each edge outputs the unweighted sum of its alive ops. Throws
  // prpnas::Error unless the mask is 6 x 5 with an alive op on every edge.
  torch::Tensor forward(const torch::Tensor& x, const space::ChoiceMask& alive);

  // [6 x 5], zeros at construction; row = decision (edge), column = choice.
  torch::Tensor alpha() const { return alpha_; }
  // Every parameter except alpha.
  std::vector<torch::Tensor> weights() const;

 private:
  torch::Tensor alpha_;
};
TORCH_MODULE(Nb201Supernet);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_NB201_SUPERNET_H_
