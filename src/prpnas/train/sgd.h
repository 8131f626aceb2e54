// The SGD recipe NAS-Bench-201 trains with: Nesterov momentum, weight decay
// and a learning rate that decays along a cosine, per step, to 0. The
// stand-alone trainer and the supernet's weight steps both use it.
#ifndef PRPNAS_TRAIN_SGD_H_
#define PRPNAS_TRAIN_SGD_H_

#include <torch/torch.h>

#include <cstdint>

namespace prpnas::train {

struct SgdOptions {
  double learning_rate = 0.1;  // the base (first step's) rate
  double momentum = 0.9;       // Nesterov
  double weight_decay = 5e-4;
};

torch::optim::SGDOptions nesterov_sgd(const SgdOptions& options);

// 0.5 * base * (1 + cos(pi * step / total_steps)): base at step 0, 0 at
// step == total_steps. Returns base when total_steps <= 0.
double cosine_learning_rate(double base, int64_t step, int64_t total_steps);

// Sets the rate of every parameter group.
void set_learning_rate(torch::optim::Optimizer& optimizer, double learning_rate);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_SGD_H_
