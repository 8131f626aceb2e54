// The DARTS supernet: every cell holds all 7 ops on each of its 14 edges
// j->k (j < k, k = 2..5), so one set of weights (per cell) is shared by all
// architectures of space::DartsSpace. alpha is [24 x 10] (nn/supernet.h):
// the widest decision is node 5's 10 input pairs.
#ifndef PRPNAS_NN_DARTS_SUPERNET_H_
#define PRPNAS_NN_DARTS_SUPERNET_H_

#include <torch/torch.h>

#include <memory>
#include <vector>

#include "prpnas/nn/darts/skeleton.h"
#include "prpnas/nn/supernet.h"
#include "prpnas/space/darts_space.h"

namespace prpnas::nn {

class DartsSupernetImpl : public DartsSkeleton, public Supernet {
 public:
  explicit DartsSupernetImpl(const DartsConfig& config);

  const space::SearchSpace& space() const override { return space_; }
  torch::nn::Module& module() override { return *this; }
  const torch::nn::Module& module() const override { return *this; }

  // Node k = op_a on a->k applied to node a + op_b on b->k applied to node b,
  // (a, b) the path's input pair. Throws prpnas::Error for a bad path.
  torch::Tensor forward(const torch::Tensor& x, const space::Architecture& path) override;
  // DartsCellImpl::forward's sums. Throws prpnas::Error for a bad mask.
  torch::Tensor forward(const torch::Tensor& x, const space::ChoiceMask& alive) override;
  torch::Tensor forward(const torch::Tensor& x, const space::ChoiceMask& alive, const torch::Tensor& weights) override;

  void set_observer(OpObserver* observer) override { DartsSkeleton::set_observer(observer); }
  // The fixed parts and, per cell, the chosen op on each of the path's two
  // input edges of every node (identity skip_connect has no module).
  std::vector<std::shared_ptr<torch::nn::Module>> path_modules(const space::Architecture& path) const override;
  // A DartsNetwork.
  std::shared_ptr<Network> standalone(const space::Architecture& arch) const override;

  using Supernet::alpha;
  using Supernet::weights;

 private:
  space::DartsSpace space_;
};
TORCH_MODULE(DartsSupernet);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_DARTS_SUPERNET_H_
