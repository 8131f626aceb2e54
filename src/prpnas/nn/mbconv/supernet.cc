#include "prpnas/nn/mbconv/supernet.h"

#include "prpnas/nn/mbconv/network.h"

namespace prpnas::nn {

MbConvSupernetImpl::MbConvSupernetImpl(const MbConvConfig& config)
    : MbConvSkeleton(config, config.search_space().full_mask()) {
  register_parameter("alpha", torch::zeros({table().num_decisions(), space::widest_decision(table())}));
}

std::vector<std::shared_ptr<torch::nn::Module>> MbConvSupernetImpl::path_modules(const space::Architecture& path) const {
  table().check(path);
  std::vector<std::shared_ptr<torch::nn::Module>> out;
  for (const auto& [name, module] : fixed_parts()) out.push_back(module);
  for (std::size_t d = 0; d < path.size(); ++d) {
    if (const MbConvBlock block = op(static_cast<int>(d), path[d]); !block.is_empty()) out.push_back(block.ptr());
  }
  return out;
}

std::shared_ptr<Network> MbConvSupernetImpl::standalone(const space::Architecture& arch) const {
  auto network = std::make_shared<MbConvNetworkImpl>(config(), arch);
  copy_tensors_by_name(*this, *network);
  return network;
}

}  // namespace prpnas::nn
