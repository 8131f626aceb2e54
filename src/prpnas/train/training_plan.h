// What a supernet training run does, before any tensor exists: the method,
// its options, and how the image budget becomes weight steps. Methods are
// compared at the same budget of path-images: a weight step that trains m
// paths on a batch of B images costs m * B (a FairNAS step on NB201: 5 * B;
// a SPOS or task step: B). docs/METHOD.md, "The training run".
#ifndef PRPNAS_TRAIN_TRAINING_PLAN_H_
#define PRPNAS_TRAIN_TRAINING_PLAN_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "prpnas/search/front_from_alpha.h"
#include "prpnas/train/alpha_trainer.h"
#include "prpnas/train/sgd.h"
#include "prpnas/train/supernet_evaluator.h"

namespace prpnas::train {

enum class Method {
  kPrp,           // Step 1 fairness, then Step 2 (task + rank steps) with Step 3 pruning
  kPrpNoPruning,  // the same without Step 3 (ablation)
  kPrpCoupled,    // PRP with alpha weighting the forward of Step 2's task steps (ablation)
  kFairnas,       // Step 1 only, for the whole budget
  kSpos,          // uniform single-path sampling for the whole budget
};

std::string method_name(Method method);
// Throws ConfigError listing the known names.
Method parse_method(std::string_view name);
inline constexpr const char* kMethodNames = "prp, prp-no-pruning, prp-coupled, fairnas, spos";

struct TrainingOptions {
  Method method = Method::kPrp;
  torch::Device device = torch::kCPU;  // of the supernet, its batches and evaluation (nn/device.h)
  int64_t batch_size = 64;
  int64_t budget_images = 96000;  // path-images over all weight steps
  double fairness_share = 0.5;    // PRP: share of the budget spent in Step 1
  SgdOptions sgd;                 // base rate decays along one cosine over all weight steps
  AlphaTrainerOptions alpha;
  int rank_pool = 256;            // Step 2 without a table: architectures ranked by the supernet after Step 1
  bool pool_degenerate = true;    // false: the pool skips degenerate architectures (a study ablation)
  int prune_every = 25;           // P, in alpha steps (PRP only)
  double prune_worst_fraction = 0.5;
  SupernetEvaluatorOptions evaluation;
  int64_t evaluate_every = 0;     // weight steps between Kendall rows; 0 = at phase ends only
  int final_sample = 256;         // baselines: architectures whose estimates give the front
  // Where those come from: "uniform" (drawn from the space) or "truth" (the
  // first final_sample valid cells of the ground truth, so that spaces too
  // costly to train front cells stand-alone, DARTS, judge fronts on known cells).
  std::string final_candidates = "uniform";
  search::FrontFromAlphaOptions front;
  int64_t checkpoint_every = 50;  // weight steps
  uint64_t seed = 0;

  // Throws ConfigError naming the first bad field.
  void check() const;
};

// The weight steps a method takes for the budget. Step 1 steps train every
// choice of the space's widest decision (NB201: 5 paths); the rest train one path.
struct StepPlan {
  int64_t fairness_steps = 0;     // Step 1 (PRP, FairNAS)
  int64_t single_path_steps = 0;  // SPOS steps, or PRP's Step 2 iterations
  int64_t total() const { return fairness_steps + single_path_steps; }
};

// With m = paths_per_fairness_step and B the batch size: FairNAS gets
// floor(budget / (m B)) steps, SPOS floor(budget / B); PRP's Step 1 gets
// floor(share * budget / (m B)) and Step 2 the rest of the budget in
// single-path steps (floor). Throws ConfigError when a phase would get no step.
// (Each method's TrainingMethod::plan.)
StepPlan plan_steps(const TrainingOptions& options, int paths_per_fairness_step);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_TRAINING_PLAN_H_
