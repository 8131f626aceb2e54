#include "prpnas/nn/nb201/costs.h"

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

#include "prpnas/nn/nb201/supernet.h"
#include "prpnas/nn/op_observer.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {

namespace {

constexpr int kEdges = space::Nb201Space::kNumEdges;

// Output shapes of every op call (one per cell, in cell order) and fixed part.
class ShapeRecorder : public OpObserver {
 public:
  ShapeRecorder() : ops(kEdges, std::vector<std::vector<std::vector<int64_t>>>(kNb201NumChoices)) {}
  void after_op(int decision, int choice, const torch::Tensor& out) override {
    ops[decision][choice].push_back(out.sizes().vec());
  }
  void after_fixed(const std::string& part, const torch::Tensor& out) override { fixed[part] = out.sizes().vec(); }

  std::vector<std::vector<std::vector<std::vector<int64_t>>>> ops;  // [decision][choice][cell] -> shape
  std::map<std::string, std::vector<int64_t>> fixed;
};

double count_params(const torch::nn::Module& module) {
  double n = 0;
  for (const auto& p : module.parameters()) n += static_cast<double>(p.numel());
  return n;
}

// MACs of the Conv2d and Linear layers in `module`, whose output is `out`
// (batch 1). Every conv of an NB201 part writes the part's output size: the
// cell ops keep the size, and a reduction block's three convs all write the
// reduced size.
double count_flops(const torch::nn::Module& module, const std::vector<int64_t>& out) {
  double flops = 0;
  for (const auto& m : module.modules()) {
    if (const auto* conv = m->as<torch::nn::Conv2d>()) {
      const auto& o = conv->options;
      if (out.size() != 4) throw Error("NB201 FLOPs: a part with a Conv2d returned a non-image tensor");
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

Nb201Costs measure_nb201_costs(const Nb201Config& config) {
  Nb201Supernet supernet(config);
  supernet->eval();
  ShapeRecorder recorder;
  supernet->set_observer(&recorder);
  {
    torch::NoGradGuard no_grad;
    supernet->forward(torch::zeros({1, config.in_channels, config.image_size, config.image_size}),
                      space::Nb201Space().full_mask());
  }
  supernet->set_observer(nullptr);

  Nb201Costs costs;
  for (const auto& [part, module] : supernet->fixed_parts()) {
    costs.params.fixed += count_params(*module);
    costs.flops.fixed += count_flops(*module, recorder.fixed.at(part));
  }
  costs.params.choice.assign(kEdges, std::vector<double>(kNb201NumChoices, 0));
  costs.flops.choice.assign(kEdges, std::vector<double>(kNb201NumChoices, 0));
  for (int d = 0; d < kEdges; ++d) {
    for (int c = 0; c < kNb201NumChoices; ++c) {
      for (int i = 0; i < supernet->num_cells(); ++i) {
        const auto op = supernet->cell(i)->op(d, c);
        costs.params.choice[d][c] += count_params(*op);
        costs.flops.choice[d][c] += count_flops(*op, recorder.ops[d][c].at(i));
      }
    }
  }
  return costs;
}

}  // namespace prpnas::nn
