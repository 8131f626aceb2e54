// alpha, the [decisions x choices] tensor of operation scores, as plain
// doubles: what the torch-free parts (front from alpha, rankings) read.
#ifndef PRPNAS_TRAIN_ALPHA_MATRIX_H_
#define PRPNAS_TRAIN_ALPHA_MATRIX_H_

#include <torch/torch.h>

#include <vector>

namespace prpnas::train {

// [d][c] of a 2-D floating tensor, converted to double, without gradients.
std::vector<std::vector<double>> alpha_matrix(const torch::Tensor& alpha);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_ALPHA_MATRIX_H_
