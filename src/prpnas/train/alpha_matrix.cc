#include "prpnas/train/alpha_matrix.h"

namespace prpnas::train {

std::vector<std::vector<double>> alpha_matrix(const torch::Tensor& alpha) {
  const torch::Tensor values = alpha.detach().to(torch::kCPU, torch::kFloat64).contiguous();
  const double* data = values.data_ptr<double>();
  std::vector<std::vector<double>> matrix(values.size(0));
  for (int64_t d = 0; d < values.size(0); ++d) {
    matrix[d].assign(data + d * values.size(1), data + (d + 1) * values.size(1));
  }
  return matrix;
}

}  // namespace prpnas::train
