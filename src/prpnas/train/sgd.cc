#include "prpnas/train/sgd.h"

#include <cmath>

namespace prpnas::train {

torch::optim::SGDOptions nesterov_sgd(const SgdOptions& options) {
  return torch::optim::SGDOptions(options.learning_rate)
      .momentum(options.momentum)
      .nesterov(true)
      .weight_decay(options.weight_decay);
}

double cosine_learning_rate(double base, int64_t step, int64_t total_steps) {
  if (total_steps <= 0) return base;
  return 0.5 * base * (1 + std::cos(M_PI * static_cast<double>(step) / static_cast<double>(total_steps)));
}

void set_learning_rate(torch::optim::Optimizer& optimizer, double learning_rate) {
  for (auto& group : optimizer.param_groups()) group.options().set_lr(learning_rate);
}

}  // namespace prpnas::train
