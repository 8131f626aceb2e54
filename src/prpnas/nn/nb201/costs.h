// Parameters and FLOPs of NB201 architectures, counted on the real modules of
// a supernet of the given config (NAS-Bench-201's convention):
//   params: every trainable parameter; a cell's ops count even on edges that
//     do not reach its output, as NB201 counts them.
//   FLOPs: multiply-accumulates of each Conv2d (Cout * Hout * Wout *
//     Cin/groups * kh * kw) and Linear (in * out + out); BN, ReLU, pooling
//     and additions are free. Batch 1.
// Shapes come from one batch-1 forward with all ops alive, seen through an
// OpObserver. With the "paper" preset these equal NB201's published numbers.
#ifndef PRPNAS_NN_NB201_COSTS_H_
#define PRPNAS_NN_NB201_COSTS_H_

#include "prpnas/space/cost_table.h"
#include "prpnas/nn/nb201/config.h"

namespace prpnas::nn {

struct Nb201Costs {
  space::CostTable params;  // counts
  space::CostTable flops;   // multiply-accumulates
};

// Builds a supernet once (about a second for "paper"); throws ConfigError for a bad config.
Nb201Costs measure_nb201_costs(const Nb201Config& config);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_NB201_COSTS_H_
