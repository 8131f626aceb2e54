// Trains alpha, the [decisions x choices] operation scores, from the Pareto
// ranks of sampled sub-networks: each step takes S architectures sampled among
// alive choices and their true Pareto ranks (from a supernet's estimates, a
// tabular benchmark, or a synthetic problem), computes
//   total = hinge_weight * hinge + listnet_weight * listnet
// (pareto_rank_losses.h), backpropagates and takes one Adam step on alpha.
// A non-finite loss or gradient throws prpnas::Error before the update, so
// alpha is never corrupted. Dead choices get no gradient and keep their value
// (Adam's momentum would otherwise keep moving them). Not thread-safe.
#ifndef PRPNAS_TRAIN_ALPHA_TRAINER_H_
#define PRPNAS_TRAIN_ALPHA_TRAINER_H_

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

#include "prpnas/space/search_space.h"
#include "prpnas/train/pareto_rank_losses.h"
#include "prpnas/util/tensor_bundle.h"

namespace prpnas::train {

// Defaults tuned on the synthetic NB201 problem of
// tests/train/synthetic_alpha_test.cc (docs/METHOD.md, "Defaults"): a hinge
// weight of 1 flattens alpha and costs ~0.08 Kendall tau over the whole space.
struct AlphaTrainerOptions {
  int samples = 64;              // S: sub-networks the driver samples per step
  int top_n = 8;                 // N: size of the "top" set of the hinge loss
  double margin = 0.1;           // m of the hinge loss
  double hinge_weight = 0.1;
  double listnet_weight = 1;
  double learning_rate = 0.005;  // Adam on alpha (betas 0.9, 0.999; no weight decay)
  double temperature = 1;        // T of the ListNet target softmax(-rank / T)

  // Throws ConfigError naming the first bad field: samples >= 1,
  // 1 <= top_n <= samples, margin >= 0, weights >= 0 and not both 0,
  // learning_rate > 0, temperature > 0 (all finite).
  void check() const;
};

struct AlphaStepResult {
  int64_t step = 0;                // 1-based index of this step
  double hinge = 0;                // unweighted
  double listnet = 0;              // unweighted
  double total = 0;                // weighted sum, the value minimised
  ChoiceCounts predicted_counts;   // g (before the update)
  ChoiceCounts true_counts;        // ĝ
};

class AlphaTrainer {
 public:
  // A fresh alpha: zeros [num_decisions x largest choice count] of `dtype`.
  // Choices a decision lacks (ragged spaces) must be dead in every mask.
  AlphaTrainer(const space::SearchSpace& space, const AlphaTrainerOptions& options,
               torch::Dtype dtype = torch::kFloat64);
  // Trains a given alpha in place (e.g. a supernet's): a 2-D floating tensor,
  // set to require grad. Throws ConfigError if options.check() fails, Error
  // if alpha is not 2-D floating.
  AlphaTrainer(torch::Tensor alpha, const AlphaTrainerOptions& options);

  AlphaTrainer(const AlphaTrainer&) = delete;
  AlphaTrainer& operator=(const AlphaTrainer&) = delete;

  // One update from `sampled` (S >= top_n architectures, using only alive
  // choices of `alive`) and their true Pareto ranks (1 = best). Throws Error
  // on mismatched inputs, a dead choice in a sample, or a non-finite loss
  // ("alpha loss became NaN at step K; lower alpha's learning rate") or
  // gradient; alpha and the optimiser are then unchanged.
  AlphaStepResult step(const std::vector<space::Architecture>& sampled, const std::vector<int>& true_ranks,
                       const space::ChoiceMask& alive);

  // P(a) = sum_d alpha[d][a[d]] for each architecture, without gradients.
  std::vector<double> predicted_scores(const std::vector<space::Architecture>& archs) const;

  // alpha, Adam's state and the step count, for checkpoints ("alpha." in the
  // bundle). load writes alpha in place (a supernet's alpha stays its
  // parameter); throws Error if the saved alpha has another shape.
  void save(TensorBundle& bundle) const;
  void load(const TensorBundle& bundle, const std::string& source);

  const torch::Tensor& alpha() const { return alpha_; }
  std::vector<std::vector<double>> alpha_values() const;  // [d][c], as doubles
  int64_t steps() const { return steps_; }
  const AlphaTrainerOptions& options() const { return options_; }

 private:
  AlphaTrainerOptions options_;
  torch::Tensor alpha_;
  torch::optim::Adam optimizer_;
  int64_t steps_ = 0;
};

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_ALPHA_TRAINER_H_
