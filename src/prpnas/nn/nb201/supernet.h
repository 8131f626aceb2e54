// The NB201 supernet: every cell holds all five ops on each of its six edges,
// so one set of weights (per cell) is shared by all 15,625 sub-networks.
// alpha is [6 x 5] (nn/supernet.h).
#ifndef PRPNAS_NN_NB201_SUPERNET_H_
#define PRPNAS_NN_NB201_SUPERNET_H_

#include <torch/torch.h>

#include <memory>
#include <vector>

#include "prpnas/nn/nb201/skeleton.h"
#include "prpnas/nn/supernet.h"
#include "prpnas/space/nb201_space.h"

namespace prpnas::nn {

class Nb201SupernetImpl : public Nb201Skeleton, public Supernet {
 public:
  explicit Nb201SupernetImpl(const Nb201Config& config);

  const space::SearchSpace& space() const override { return space_; }
  torch::nn::Module& module() override { return *this; }
  const torch::nn::Module& module() const override { return *this; }

  // Single path: on each edge only the chosen op runs (`none` gives zeros).
  // Throws prpnas::Error unless the path has 6 choices in 0..4.
  torch::Tensor forward(const torch::Tensor& x, const space::Architecture& path) override;
  // Keeps the stem's output, the first cell's nodes 1 and 2 and its edges
  // 0->3 and 1->3 (Nb201CellImpl's memo forward).
  torch::Tensor forward(const torch::Tensor& x, const space::Architecture& path, ForwardMemo& memo) override;
  // Each edge outputs the unweighted sum of its alive ops. Throws
  // prpnas::Error unless the mask is 6 x 5 with an alive op on every edge.
  torch::Tensor forward(const torch::Tensor& x, const space::ChoiceMask& alive) override;
  // The same with op c of edge d scaled by weights[d][c] (6 x 5).
  torch::Tensor forward(const torch::Tensor& x, const space::ChoiceMask& alive, const torch::Tensor& weights) override;

  void set_observer(OpObserver* observer) override { Nb201Skeleton::set_observer(observer); }
  // stem, reduction1, reduction2, head and the chosen op of every cell.
  std::vector<std::shared_ptr<torch::nn::Module>> path_modules(const space::Architecture& path) const override;
  // An Nb201Network.
  std::shared_ptr<Network> standalone(const space::Architecture& arch) const override;

  using Supernet::alpha;
  using Supernet::weights;

 private:
  space::Nb201Space space_;
};
TORCH_MODULE(Nb201Supernet);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_NB201_SUPERNET_H_
