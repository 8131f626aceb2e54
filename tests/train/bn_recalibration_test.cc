#include "prpnas/nn/nb201/supernet.h"
#include "prpnas/train/bn_recalibration.h"

#include <gtest/gtest.h>

#include <vector>

#include "prpnas/nn/op_observer.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

namespace F = torch::nn::functional;
using nn::Nb201Supernet;
using space::Architecture;
using space::Nb201Space;

nn::Nb201Config small_config() { return nn::Nb201Config{8, 1, 3, 16, 10}; }

// Running statistics far from what recalibration will find, in every BN.
void warm_up(Nb201Supernet& supernet) {
  supernet->train();
  torch::NoGradGuard no_grad;
  for (int i = 0; i < 3; ++i) supernet->forward(torch::randn({8, 3, 16, 16}) * 3 + 1, Nb201Space().full_mask());
  supernet->eval();
}

// The inputs of op (decision, choice) in the first cell, one per forward.
class FirstCellInputs : public nn::OpObserver {
 public:
  FirstCellInputs(int decision, int choice, int cells) : decision_(decision), choice_(choice), cells_(cells) {}
  void before_op(int d, int c, const torch::Tensor& in) override {
    if (d == decision_ && c == choice_ && seen_++ % cells_ == 0) inputs.push_back(in.clone());
  }
  std::vector<torch::Tensor> inputs;

 private:
  int decision_, choice_, cells_, seen_ = 0;
};

// Per channel: mean over batches of the batch mean, and of the unbiased batch variance.
std::pair<torch::Tensor, torch::Tensor> expected_statistics(const std::vector<torch::Tensor>& bn_inputs) {
  torch::Tensor mean = torch::zeros({bn_inputs[0].size(1)}), var = torch::zeros({bn_inputs[0].size(1)});
  for (const torch::Tensor& x : bn_inputs) {
    mean += x.mean({0, 2, 3}) / static_cast<double>(bn_inputs.size());
    var += x.var({0, 2, 3}, /*unbiased=*/true) / static_cast<double>(bn_inputs.size());
  }
  return {mean, var};
}

TEST(BnRecalibration, RunningStatisticsAreTheAverageOverTheBatches) {
  torch::manual_seed(1);
  Nb201Supernet supernet(small_config());
  warm_up(supernet);
  const Architecture path =
      Nb201Space().parse("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|");
  std::vector<torch::Tensor> batches;
  for (int k = 0; k < 4; ++k) batches.push_back(torch::randn({16, 3, 16, 16}) * (k + 1) + k);
  FirstCellInputs edge0(0, Nb201Space::kConv3x3, supernet->num_cells());
  supernet->set_observer(&edge0);
  const auto buffers = supernet->named_buffers();
  const torch::Tensor off_path = buffers["cells.0.edge0.nor_conv_1x1.bn.running_mean"].clone();
  supernet->train();

  recalibrate_bn(*supernet, path, batches);
  supernet->set_observer(nullptr);
  EXPECT_FALSE(supernet->is_training());

  const auto params = supernet->named_parameters();
  torch::NoGradGuard no_grad;
  // The stem BN (every path's): its input is the stem convolution of the images.
  std::vector<torch::Tensor> stem_in;
  for (const auto& x : batches) stem_in.push_back(F::conv2d(x, params["stem.0.weight"], F::Conv2dFuncOptions().padding(1)));
  const auto [stem_mean, stem_var] = expected_statistics(stem_in);
  EXPECT_LT((buffers["stem.1.running_mean"] - stem_mean).abs().max().item<double>(), 1e-4);
  EXPECT_LT((buffers["stem.1.running_var"] - stem_var).abs().max().item<double>(), 1e-4 * stem_var.max().item<double>());
  EXPECT_EQ(buffers["stem.1.num_batches_tracked"].item<int64_t>(), 4);

  // The first cell's 3x3 convolution on edge 0: ReLU -> conv -> BN.
  ASSERT_EQ(edge0.inputs.size(), batches.size());
  std::vector<torch::Tensor> conv_out;
  for (const auto& in : edge0.inputs) {
    conv_out.push_back(F::conv2d(torch::relu(in), params["cells.0.edge0.nor_conv_3x3.conv.weight"],
                                 F::Conv2dFuncOptions().padding(1)));
  }
  const auto [op_mean, op_var] = expected_statistics(conv_out);
  EXPECT_LT((buffers["cells.0.edge0.nor_conv_3x3.bn.running_mean"] - op_mean).abs().max().item<double>(), 1e-4);
  EXPECT_LT((buffers["cells.0.edge0.nor_conv_3x3.bn.running_var"] - op_var).abs().max().item<double>(),
            1e-4 * op_var.max().item<double>());

  // Other ops' statistics stay; momentum is back to libtorch's default.
  EXPECT_TRUE(torch::equal(buffers["cells.0.edge0.nor_conv_1x1.bn.running_mean"], off_path));
  for (const auto& bn : path_batch_norms(*supernet, path)) {
    ASSERT_TRUE(bn->options.momentum().has_value());
    EXPECT_EQ(*bn->options.momentum(), 0.1);
  }
}

TEST(BnRecalibration, FindsThePathsBatchNorms) {
  Nb201Supernet supernet(small_config());
  // Stem, reductions (conv_a, conv_b each), head: 6; plus one per conv edge per cell.
  EXPECT_EQ(path_batch_norms(*supernet, Architecture(6, Nb201Space::kSkipConnect)).size(), 6u);
  EXPECT_EQ(path_batch_norms(*supernet, Architecture(6, Nb201Space::kConv1x1)).size(),
            6u + 6u * static_cast<std::size_t>(supernet->num_cells()));
  EXPECT_THROW(path_batch_norms(*supernet, Architecture(5, 0)), Error);
}

TEST(BnRecalibration, NeedsBatches) {
  Nb201Supernet supernet(small_config());
  EXPECT_THROW(recalibrate_bn(*supernet, Architecture(6, 3), {}), Error);
}

}  // namespace
}  // namespace prpnas::train
