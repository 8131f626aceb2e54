#include "prpnas/nn/mbconv/network.h"

#include "prpnas/space/choice_mask.h"

namespace prpnas::nn {

// One built block per layer: the chosen one.
MbConvNetworkImpl::MbConvNetworkImpl(const MbConvConfig& config, const space::Architecture& arch)
    : MbConvSkeleton(config, space::path_mask(config.search_space(), arch)), arch_(arch) {}

}  // namespace prpnas::nn
