// The one-shot baselines at PRP's budget: FairNAS (strict fairness for the
// whole budget, Chu et al.) and SPOS (uniform single paths, Guo et al.).
// Their front is the non-dominated set of evaluation.final_sample uniformly
// drawn architectures (the same draw for both).
#ifndef PRPNAS_TRAIN_METHODS_BASELINES_H_
#define PRPNAS_TRAIN_METHODS_BASELINES_H_

#include "prpnas/train/methods/training_method.h"
#include "prpnas/train/scored_architectures.h"

namespace prpnas::train {

class Fairnas : public TrainingMethod {
 public:
  Method id() const override { return Method::kFairnas; }
  StepPlan plan(const TrainingOptions& options, int widest) const override;
  StepResult step(SupernetRun& run, LogRow& row) const override;
  std::vector<space::Architecture> final_candidates(SupernetRun& run) const override;
};

class Spos : public TrainingMethod {
 public:
  Method id() const override { return Method::kSpos; }
  StepPlan plan(const TrainingOptions& options, int widest) const override;
  StepResult step(SupernetRun& run, LogRow& row) const override;
  std::vector<space::Architecture> final_candidates(SupernetRun& run) const override;
};

// Step 1 of PRP and the whole of FairNAS: one strict-fairness step.
StepResult fairness_weight_step(SupernetRun& run, LogRow& row);
// Every method's front candidates (PRP's alpha front aside): final_sample
// distinct uniform architectures, or the truth's first valid cells
// (evaluation.final_candidates).
std::vector<space::Architecture> shared_front_candidates(SupernetRun& run);
// The same without a run, from its space, settings and truth.
std::vector<space::Architecture> shared_front_candidates(const space::SearchSpace& space,
                                                         const TrainingOptions& options,
                                                         const ScoredArchitectures& truth);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_METHODS_BASELINES_H_
