#include "prpnas/nn/chain/network.h"

#include "prpnas/space/chain_space.h"
#include "prpnas/space/choice_mask.h"

namespace prpnas::nn {

// One built choice per layer: the chosen one.
ChainNetworkImpl::ChainNetworkImpl(const ChainConfig& config, const space::Architecture& arch)
    : ChainSkeleton(config, space::path_mask(space::ChainSpace(), arch)), arch_(arch) {}

}  // namespace prpnas::nn
