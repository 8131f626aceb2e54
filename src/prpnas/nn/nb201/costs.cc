#include "prpnas/nn/nb201/costs.h"

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

#include "prpnas/nn/module_costs.h"
#include "prpnas/nn/nb201/supernet.h"
#include "prpnas/nn/op_observer.h"
#include "prpnas/space/nb201_space.h"

namespace prpnas::nn {

namespace {

constexpr int kEdges = space::Nb201Space::kNumEdges;

// Output shapes of every op call (one per cell, in cell order) and fixed part.
// Every conv of an NB201 part writes the part's output size, as
// conv_linear_macs assumes: the cell ops keep the size, and a reduction
// block's three convs all write the reduced size.
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

}  // namespace

NetworkCosts measure_nb201_costs(const Nb201Config& config) {
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

  NetworkCosts costs;
  for (const auto& [part, module] : supernet->fixed_parts()) {
    costs.params.fixed += parameter_count(*module);
    costs.flops.fixed += conv_linear_macs(*module, recorder.fixed.at(part));
  }
  costs.params.choice.assign(kEdges, std::vector<double>(kNb201NumChoices, 0));
  costs.flops.choice.assign(kEdges, std::vector<double>(kNb201NumChoices, 0));
  for (int d = 0; d < kEdges; ++d) {
    for (int c = 0; c < kNb201NumChoices; ++c) {
      for (int i = 0; i < supernet->num_cells(); ++i) {
        const auto op = supernet->cell(i)->op(d, c);
        costs.params.choice[d][c] += parameter_count(*op);
        costs.flops.choice[d][c] += conv_linear_macs(*op, recorder.ops[d][c].at(i));
      }
    }
  }
  return costs;
}

}  // namespace prpnas::nn
