// PRP (docs/METHOD.md): Step 1 strict fairness for fairness_share of the
// budget; then Step 2, each iteration one weight step on the argmax-alpha
// path and one alpha step ranking S members of the rank pool (a table, or
// rank_pool architectures judged by the supernet as Step 1 left it), with
// Step 3 pruning every prune_every alpha steps. Its front comes from alpha.
// PrpNoPruning is the ablation without Step 3, PrpCoupled the one with alpha
// in the forward pass.
#ifndef PRPNAS_TRAIN_METHODS_PRP_H_
#define PRPNAS_TRAIN_METHODS_PRP_H_

#include "prpnas/train/methods/training_method.h"

namespace prpnas::train {

class Prp : public TrainingMethod {
 public:
  Method id() const override { return Method::kPrp; }
  StepPlan plan(const TrainingOptions& options, int widest) const override;
  bool trains_alpha() const override { return true; }
  void before_step(SupernetRun& run) const override;
  StepResult step(SupernetRun& run, LogRow& row) const override;
  bool phase_ends(const SupernetRun& run) const override;
  std::vector<space::Architecture> final_candidates(SupernetRun& run) const override;

 protected:
  virtual int prune_every(const TrainingOptions& options) const { return options.prune_every; }
  // Step 2's weight step on `batch` and the path-images it costs per image.
  virtual StepResult task_step(SupernetRun& run, const Batch& batch) const;
  virtual int64_t task_paths() const { return 1; }

 private:
  void build_pool(SupernetRun& run) const;
  void rank_step(SupernetRun& run, LogRow& row) const;
};

class PrpNoPruning : public Prp {
 public:
  Method id() const override { return Method::kPrpNoPruning; }

 protected:
  int prune_every(const TrainingOptions&) const override { return 0; }
};

// Alpha coupled into the forward pass (docs/RESULTS.md, study (d); the
// paper's Figure 3): each Step 2 task step draws one path uniformly among
// the alive choices besides the argmax one, and every decision outputs the
// softmax(alpha)-weighted sum of the choices these two sub-networks use
// (mixed_step). alpha enters detached, so it still learns from the rank
// loss alone, as in the paper's Step 2. Such a step runs up to two ops per
// decision and is charged 2 B path-images, so Step 2 gets half the
// iterations of PRP's. The cosine learning rate spans all steps, so Step 1
// differs from PRP's too and is not shared with it.
class PrpCoupled : public Prp {
 public:
  Method id() const override { return Method::kPrpCoupled; }

 protected:
  StepResult task_step(SupernetRun& run, const Batch& batch) const override;
  int64_t task_paths() const override { return 2; }
};

// softmax of each row of `alpha` over the choices `used` marks (0 elsewhere),
// detached: the weights of PrpCoupled's mixed step. Every row needs a used choice.
torch::Tensor coupled_weights(const torch::Tensor& alpha, const space::ChoiceMask& used);

// Per decision, the alive choice with the largest alpha (lowest index on ties).
space::Architecture argmax_path(const std::vector<std::vector<double>>& alpha, const space::ChoiceMask& alive);

// The front-from-alpha candidates (search/front_from_alpha.h) that the space
// allows; when it allows none of them, the best valid path alone.
std::vector<space::Architecture> valid_alpha_candidates(const SupernetRun& run);

// Step 2's task path: the argmax path when the space allows it, else the
// allowed alpha candidate with the largest score P(a) = sum of its alphas,
// else the best of 256 allowed draws among the alive choices.
space::Architecture best_valid_path(const SupernetRun& run);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_METHODS_PRP_H_
