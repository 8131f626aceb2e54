#include "prpnas/train/alpha_matrix.h"

#include <gtest/gtest.h>

namespace prpnas::train {
namespace {

TEST(AlphaMatrixTest, RowsAreDecisionsAsDoubles) {
  const torch::Tensor alpha =
      torch::tensor({0.5f, -1.0f, 2.0f, 0.25f, 0.0f, 3.0f}).reshape({2, 3}).set_requires_grad(true);
  EXPECT_EQ(alpha_matrix(alpha), (std::vector<std::vector<double>>{{0.5, -1, 2}, {0.25, 0, 3}}));
}

TEST(AlphaMatrixTest, ReadsATransposedView) {
  const torch::Tensor alpha = torch::tensor({1.0, 2.0, 3.0, 4.0}, torch::kFloat64).reshape({2, 2}).t();
  EXPECT_EQ(alpha_matrix(alpha), (std::vector<std::vector<double>>{{1, 3}, {2, 4}}));
}

}  // namespace
}  // namespace prpnas::train
