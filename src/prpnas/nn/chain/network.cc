#include "prpnas/nn/chain/network.h"

#include "prpnas/space/chain_space.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {
namespace {

// One built choice per layer: the chosen one.
space::ChoiceMask chosen_choices(const space::Architecture& arch) {
  const space::ChainSpace space;
  space.check(arch);
  space::ChoiceMask ops = space.full_mask();
  for (std::size_t d = 0; d < ops.size(); ++d) {
    for (std::size_t c = 0; c < ops[d].size(); ++c) ops[d][c] = static_cast<int>(c) == arch[d];
  }
  return ops;
}

}  // namespace

ChainNetworkImpl::ChainNetworkImpl(const ChainConfig& config, const space::Architecture& arch)
    : ChainSkeleton(config, chosen_choices(arch)), arch_(arch) {}

}  // namespace prpnas::nn
