// The counting rules every family's cost counter shares (NAS-Bench-201's
// convention): parameters are every trainable parameter; FLOPs are the
// multiply-accumulates of each Conv2d (Cout * Hout * Wout * Cin/groups * kh
// * kw) and Linear (in * out + out), batch 1; BN, ReLU, pooling and
// additions are free.
#ifndef PRPNAS_NN_MODULE_COSTS_H_
#define PRPNAS_NN_MODULE_COSTS_H_

#include <torch/torch.h>

#include <cstdint>
#include <vector>

#include "prpnas/space/cost_table.h"

namespace prpnas::nn {

// A family's counts over its space: fixed parts + one entry per (decision, choice).
struct NetworkCosts {
  space::CostTable params;  // counts
  space::CostTable flops;   // multiply-accumulates
};

double parameter_count(const torch::nn::Module& module);

// MACs of the Conv2d and Linear layers in `module` when every conv writes
// an output of shape `out` ([1, C, H, W]; a family's counter knows its parts
// do). Throws prpnas::Error when a part with a conv returns no image.
double conv_linear_macs(const torch::nn::Module& module, const std::vector<int64_t>& out);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_MODULE_COSTS_H_
