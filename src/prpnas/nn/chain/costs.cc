#include "prpnas/nn/chain/costs.h"

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

#include "prpnas/nn/chain/supernet.h"
#include "prpnas/nn/op_observer.h"
#include "prpnas/space/chain_space.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {

namespace {

// Output shape of every op and fixed part (each runs once: no cells).
class ChainShapeRecorder : public OpObserver {
 public:
  void after_op(int decision, int choice, const torch::Tensor& out) override {
    ops[{decision, choice}] = out.sizes().vec();
  }
  void after_fixed(const std::string& part, const torch::Tensor& out) override { fixed[part] = out.sizes().vec(); }

  std::map<std::pair<int, int>, std::vector<int64_t>> ops;
  std::map<std::string, std::vector<int64_t>> fixed;
};

double chain_params(const torch::nn::Module& module) {
  double n = 0;
  for (const auto& p : module.parameters()) n += static_cast<double>(p.numel());
  return n;
}

// MACs of the Conv2d and Linear layers in `module`, whose output is `out`
// (batch 1). Every chain part keeps its input's size past its first conv,
// so each conv writes the part's output size.
double chain_flops(const torch::nn::Module& module, const std::vector<int64_t>& out) {
  double flops = 0;
  for (const auto& m : module.modules()) {
    if (const auto* conv = m->as<torch::nn::Conv2d>()) {
      const auto& o = conv->options;
      if (out.size() != 4) throw Error("chain FLOPs: a part with a Conv2d returned a non-image tensor");
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

}  // namespace

ChainCosts measure_chain_costs(const ChainConfig& config) {
  ChainSupernet supernet(config);
  supernet->eval();
  ChainShapeRecorder recorder;
  supernet->set_observer(&recorder);
  const space::ChainSpace space;
  {
    torch::NoGradGuard no_grad;
    supernet->forward(torch::zeros({1, config.in_channels, config.image_size, config.image_size}),
                      space.full_mask());
  }
  supernet->set_observer(nullptr);

  ChainCosts costs;
  for (const auto& [part, module] : supernet->fixed_parts()) {
    costs.params.fixed += chain_params(*module);
    costs.flops.fixed += chain_flops(*module, recorder.fixed.at(part));
  }
  for (int d = 0; d < space.num_decisions(); ++d) {
    const int choices = static_cast<int>(space.choices(d).size());
    costs.params.choice.emplace_back(choices, 0.0);
    costs.flops.choice.emplace_back(choices, 0.0);
    for (int c = 0; c < choices; ++c) {
      const auto op = supernet->op(d, c);
      if (op == nullptr) continue;
      costs.params.choice[d][c] = chain_params(*op);
      costs.flops.choice[d][c] = chain_flops(*op, recorder.ops.at({d, c}));
    }
  }
  return costs;
}

}  // namespace prpnas::nn
