#include "prpnas/nn/chain/supernet.h"

#include "prpnas/nn/chain/network.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {
ChainSupernetImpl::ChainSupernetImpl(const ChainConfig& config)
    : ChainSkeleton(config, space::ChainSpace().full_mask()) {
  register_parameter("alpha", torch::zeros({space_.num_decisions(), space::widest_decision(space_)}));
}

std::vector<std::shared_ptr<torch::nn::Module>> ChainSupernetImpl::path_modules(const space::Architecture& path) const {
  space_.check(path);
  std::vector<std::shared_ptr<torch::nn::Module>> out;
  for (const auto& [name, module] : fixed_parts()) out.push_back(module);
  for (std::size_t d = 0; d < path.size(); ++d) out.push_back(op(static_cast<int>(d), path[d]));
  return out;
}

std::shared_ptr<Network> ChainSupernetImpl::standalone(const space::Architecture& arch) const {
  auto network = std::make_shared<ChainNetworkImpl>(config(), arch);
  copy_tensors_by_name(*this, *network);
  return network;
}

}  // namespace prpnas::nn
