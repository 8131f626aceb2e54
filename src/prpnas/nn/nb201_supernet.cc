#include "prpnas/nn/nb201_supernet.h"

#include <string>

#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {

Nb201SupernetImpl::Nb201SupernetImpl(const Nb201Config& config)
    : Nb201Skeleton(config, space::Nb201Space().full_mask()) {
  alpha_ = register_parameter("alpha", torch::zeros({space::Nb201Space::kNumEdges, kNb201NumChoices}));
}

torch::Tensor Nb201SupernetImpl::forward(const torch::Tensor& x, const space::Architecture& path) {
  check_nb201_path(path);
  return run(x, path);
}

torch::Tensor Nb201SupernetImpl::forward(const torch::Tensor& x, const space::ChoiceMask& alive) {
  check_nb201_mask(alive);
  for (std::size_t d = 0; d < alive.size(); ++d) {
    bool any = false;
    for (bool a : alive[d]) any = any || a;
    // An emptied edge is a pruning bug, not a sub-network.
    if (!any) throw Error("NB201 choice mask: edge " + std::to_string(d) + " has no alive operation");
  }
  return run(x, alive);
}

std::vector<torch::Tensor> Nb201SupernetImpl::weights() const {
  std::vector<torch::Tensor> weights;
  for (const auto& p : named_parameters()) {
    if (p.key() != "alpha") weights.push_back(p.value());
  }
  return weights;
}

}  // namespace prpnas::nn
