#include "prpnas/nn/chain/costs.h"

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

#include "prpnas/nn/chain/supernet.h"
#include "prpnas/nn/module_costs.h"
#include "prpnas/nn/op_observer.h"
#include "prpnas/space/chain_space.h"

namespace prpnas::nn {

namespace {

// Output shape of every op and fixed part (each runs once: no cells). Every
// chain part keeps its input's size past its first conv, so each conv writes
// the part's output size, as conv_linear_macs assumes.
class ChainShapeRecorder : public OpObserver {
 public:
  void after_op(int decision, int choice, const torch::Tensor& out) override {
    ops[{decision, choice}] = out.sizes().vec();
  }
  void after_fixed(const std::string& part, const torch::Tensor& out) override { fixed[part] = out.sizes().vec(); }

  std::map<std::pair<int, int>, std::vector<int64_t>> ops;
  std::map<std::string, std::vector<int64_t>> fixed;
};

}  // namespace

NetworkCosts measure_chain_costs(const ChainConfig& config) {
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

  NetworkCosts costs;
  for (const auto& [part, module] : supernet->fixed_parts()) {
    costs.params.fixed += parameter_count(*module);
    costs.flops.fixed += conv_linear_macs(*module, recorder.fixed.at(part));
  }
  for (int d = 0; d < space.num_decisions(); ++d) {
    const int choices = static_cast<int>(space.choices(d).size());
    costs.params.choice.emplace_back(choices, 0.0);
    costs.flops.choice.emplace_back(choices, 0.0);
    for (int c = 0; c < choices; ++c) {
      const auto op = supernet->op(d, c);
      if (op == nullptr) continue;
      costs.params.choice[d][c] = parameter_count(*op);
      costs.flops.choice[d][c] = conv_linear_macs(*op, recorder.ops.at({d, c}));
    }
  }
  return costs;
}

}  // namespace prpnas::nn
