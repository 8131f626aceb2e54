// Parameters and FLOPs of NB201 architectures, counted on the real modules of
// a supernet of the given config by the rules of nn/module_costs.h
// (NAS-Bench-201's convention); a cell's ops count even on edges that do not
// reach its output, as NB201 counts them. Shapes come from one batch-1
// forward with all ops alive, seen through an OpObserver. With the "paper"
// preset these equal NB201's published numbers.
#ifndef PRPNAS_NN_NB201_COSTS_H_
#define PRPNAS_NN_NB201_COSTS_H_

#include "prpnas/nn/module_costs.h"
#include "prpnas/nn/nb201/config.h"

namespace prpnas::nn {

// Builds a supernet once (about a second for "paper"); throws ConfigError for a bad config.
NetworkCosts measure_nb201_costs(const Nb201Config& config);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_NB201_COSTS_H_
