#include "prpnas/nn/average_pool_3x3.h"

#include <gtest/gtest.h>

#include <tuple>
#include <vector>

namespace prpnas::nn {
namespace {

torch::Tensor torch_pool(const torch::Tensor& x) {
  return torch::avg_pool2d(x, 3, 1, 1, /*ceil_mode=*/false, /*count_include_pad=*/false);
}

// Forward output and input gradient of `pool` for input x and output gradient g.
std::tuple<torch::Tensor, torch::Tensor> run(torch::Tensor (*pool)(const torch::Tensor&), const torch::Tensor& x,
                                             const torch::Tensor& g) {
  const torch::Tensor input = x.clone().requires_grad_(true);
  const torch::Tensor y = pool(input);
  y.backward(g);
  return {y.detach(), input.grad()};
}

// Bit for bit, not approximately: the supernet's estimates and the training
// fixtures must not move when the op changes.
TEST(AveragePool3x3, EqualsTorchAvgPoolBitForBitForwardAndBackward) {
  torch::manual_seed(7);
  const std::vector<std::vector<int64_t>> shapes = {
      {1, 1, 1, 1}, {1, 1, 1, 5}, {1, 1, 5, 1}, {2, 3, 2, 2}, {2, 1, 3, 7},
      {3, 2, 7, 7}, {4, 8, 14, 14}, {2, 8, 28, 28}, {64, 8, 28, 28}, {1, 4, 9, 31}};
  for (const auto& shape : shapes) {
    // Wide-ranged values make any change of summation order visible.
    const torch::Tensor x = torch::randn(shape) * torch::exp(4 * torch::randn(shape));
    const torch::Tensor g = torch::randn(shape) * torch::exp(4 * torch::randn(shape));
    const auto [y_ref, dx_ref] = run(torch_pool, x, g);
    const auto [y, dx] = run(average_pool_3x3, x, g);
    EXPECT_TRUE(torch::equal(y, y_ref)) << x.sizes();
    EXPECT_TRUE(torch::equal(dx, dx_ref)) << x.sizes();
  }
}

TEST(AveragePool3x3, AveragesTheClippedWindow) {
  const torch::Tensor x = torch::arange(9, torch::kFloat).reshape({1, 1, 3, 3});
  const torch::Tensor y = average_pool_3x3(x);
  EXPECT_FLOAT_EQ(y[0][0][0][0].item<float>(), (0 + 1 + 3 + 4) / 4.0f);   // corner: 4 cells
  EXPECT_FLOAT_EQ(y[0][0][0][1].item<float>(), (0 + 1 + 2 + 3 + 4 + 5) / 6.0f);  // edge: 6
  EXPECT_FLOAT_EQ(y[0][0][1][1].item<float>(), 4.0f);                    // centre: all 9
}

TEST(AveragePool3x3, NonContiguousAndOtherDtypesAgreeWithTorch) {
  torch::manual_seed(3);
  const torch::Tensor x = torch::randn({2, 5, 6, 3}).permute({0, 3, 1, 2});  // channels-last-like strides
  EXPECT_TRUE(torch::equal(average_pool_3x3(x), torch_pool(x.contiguous())));
  const torch::Tensor d = torch::randn({1, 2, 5, 5}, torch::kDouble);
  EXPECT_TRUE(torch::equal(average_pool_3x3(d), torch_pool(d)));
}

}  // namespace
}  // namespace prpnas::nn
