// Parameters and FLOPs of the MBConv family, exactly additive: every layer's
// input shape is fixed by the stage table, whatever the other layers chose.
// Parameters are counted on the real modules, MACs from the shapes by the
// rules of nn/module_costs.h (convolutions and the Linear, batch 1).
#ifndef PRPNAS_NN_MBCONV_COSTS_H_
#define PRPNAS_NN_MBCONV_COSTS_H_

#include "prpnas/nn/mbconv/config.h"
#include "prpnas/nn/module_costs.h"

namespace prpnas::nn {

// Throws ConfigError for a bad config.
NetworkCosts measure_mbconv_costs(const MbConvConfig& config);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_MBCONV_COSTS_H_
