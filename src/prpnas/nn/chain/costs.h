// Parameters and FLOPs of chain architectures (space/chain_space.h), counted
// on the real modules of a chain supernet of the given config by the rules
// of nn/module_costs.h; shapes come from one batch-1 forward with all
// choices alive, seen through an OpObserver.
#ifndef PRPNAS_NN_CHAIN_COSTS_H_
#define PRPNAS_NN_CHAIN_COSTS_H_

#include "prpnas/nn/chain/config.h"
#include "prpnas/nn/module_costs.h"

namespace prpnas::nn {

// Throws ConfigError for a bad config.
NetworkCosts measure_chain_costs(const ChainConfig& config);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_CHAIN_COSTS_H_
