#include "prpnas/nn/module_costs.h"

#include "prpnas/util/error.h"

namespace prpnas::nn {

double parameter_count(const torch::nn::Module& module) {
  double n = 0;
  for (const auto& p : module.parameters()) n += static_cast<double>(p.numel());
  return n;
}

double conv_linear_macs(const torch::nn::Module& module, const std::vector<int64_t>& out) {
  double flops = 0;
  for (const auto& m : module.modules()) {
    if (const auto* conv = m->as<torch::nn::Conv2d>()) {
      const auto& o = conv->options;
      if (out.size() != 4) throw Error("FLOPs: a part with a Conv2d returned a non-image tensor");
      const double k = static_cast<double>((*o.kernel_size())[0] * (*o.kernel_size())[1]);
      flops += static_cast<double>(o.out_channels()) * static_cast<double>(out[2] * out[3]) *
               static_cast<double>(o.in_channels() / o.groups()) * k;
    } else if (const auto* linear = m->as<torch::nn::Linear>()) {
      const auto& o = linear->options;
      flops += static_cast<double>(o.in_features() * o.out_features() + (o.bias() ? o.out_features() : 0));
    }
  }
  return flops;
}

}  // namespace prpnas::nn
