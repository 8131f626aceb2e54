#include "prpnas/nn/nb201/supernet.h"

#include <string>

#include "prpnas/nn/nb201/network.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {

Nb201SupernetImpl::Nb201SupernetImpl(const Nb201Config& config)
    : Nb201Skeleton(config, space::Nb201Space().full_mask()) {
  register_parameter("alpha", torch::zeros({space::Nb201Space::kNumEdges, kNb201NumChoices}));
}

torch::Tensor Nb201SupernetImpl::forward(const torch::Tensor& x, const space::Architecture& path) {
  check_nb201_path(path);
  return run(x, path);
}

torch::Tensor Nb201SupernetImpl::forward(const torch::Tensor& x, const space::Architecture& path, ForwardMemo& memo) {
  check_nb201_path(path);
  return run(x, path, &memo);
}

torch::Tensor Nb201SupernetImpl::forward(const torch::Tensor& x, const space::ChoiceMask& alive) {
  return forward(x, alive, torch::Tensor());
}

torch::Tensor Nb201SupernetImpl::forward(const torch::Tensor& x, const space::ChoiceMask& alive,
                                         const torch::Tensor& weights) {
  check_nb201_mask(alive);
  check_mask_weights(weights, alive);
  for (std::size_t d = 0; d < alive.size(); ++d) {
    bool any = false;
    for (bool a : alive[d]) any = any || a;
    // An emptied edge is a pruning bug, not a sub-network.
    if (!any) throw Error("NB201 choice mask: edge " + std::to_string(d) + " has no alive operation");
  }
  return run(x, alive, weights);
}

std::vector<std::shared_ptr<torch::nn::Module>> Nb201SupernetImpl::path_modules(
    const space::Architecture& path) const {
  check_nb201_path(path);
  std::vector<std::shared_ptr<torch::nn::Module>> out;
  for (const auto& [name, module] : fixed_parts()) out.push_back(module);
  for (int i = 0; i < num_cells(); ++i) {
    for (std::size_t d = 0; d < path.size(); ++d) {
      if (auto op = cell(i)->op(static_cast<int>(d), path[d])) out.push_back(std::move(op));  // none: no module
    }
  }
  return out;
}

std::shared_ptr<Network> Nb201SupernetImpl::standalone(const space::Architecture& arch) const {
  auto network = std::make_shared<Nb201NetworkImpl>(config(), arch);
  network->copy_from(*this);
  return network;
}

}  // namespace prpnas::nn
