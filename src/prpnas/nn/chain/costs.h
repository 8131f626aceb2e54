// Parameters and FLOPs of chain architectures (space/chain_space.h), counted
// on the real modules of a chain supernet of the given config, with the
// conventions of nn/nb201/costs.h:
//   params: every trainable parameter.
//   FLOPs: multiply-accumulates of each Conv2d (Cout * Hout * Wout *
//     Cin/groups * kh * kw) and Linear (in * out + out); BN, ReLU, pooling,
//     skip and additions are free. Batch 1.
// Shapes come from one batch-1 forward with all choices alive, seen through
// an OpObserver.
#ifndef PRPNAS_NN_CHAIN_COSTS_H_
#define PRPNAS_NN_CHAIN_COSTS_H_

#include "prpnas/nn/chain/config.h"
#include "prpnas/space/cost_table.h"

namespace prpnas::nn {

struct ChainCosts {
  space::CostTable params;  // counts
  space::CostTable flops;   // multiply-accumulates
};

// Throws ConfigError for a bad config.
ChainCosts measure_chain_costs(const ChainConfig& config);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_CHAIN_COSTS_H_
