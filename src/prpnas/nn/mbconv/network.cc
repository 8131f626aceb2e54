#include "prpnas/nn/mbconv/network.h"

namespace prpnas::nn {
namespace {

// One built choice per layer: the chosen one.
space::ChoiceMask chosen_choices(const MbConvConfig& config, const space::Architecture& arch) {
  const space::MbConvSpace space = config.search_space();
  space.check(arch);
  space::ChoiceMask ops = space.full_mask();
  for (std::size_t d = 0; d < ops.size(); ++d) {
    for (std::size_t c = 0; c < ops[d].size(); ++c) ops[d][c] = static_cast<int>(c) == arch[d];
  }
  return ops;
}

}  // namespace

MbConvNetworkImpl::MbConvNetworkImpl(const MbConvConfig& config, const space::Architecture& arch)
    : MbConvSkeleton(config, chosen_choices(config, arch)), arch_(arch) {}

}  // namespace prpnas::nn
