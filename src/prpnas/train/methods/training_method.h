// A supernet training method as a type (pagmo2 keeps algorithms apart from
// problems this way): PRP, PRP without pruning, FairNAS and SPOS differ only
// in how they spend the budget, what one weight step does, and where their
// front comes from. The run they act on (train/supernet_run.h) holds all
// state, so a method holds none and one object serves any number of runs.
#ifndef PRPNAS_TRAIN_METHODS_TRAINING_METHOD_H_
#define PRPNAS_TRAIN_METHODS_TRAINING_METHOD_H_

#include <memory>
#include <string>
#include <vector>

#include "prpnas/space/search_space.h"
#include "prpnas/train/run_log.h"
#include "prpnas/train/supernet_steps.h"
#include "prpnas/train/training_plan.h"

namespace prpnas::train {

struct SupernetRun;

class TrainingMethod {
 public:
  virtual ~TrainingMethod() = default;

  virtual Method id() const = 0;
  std::string name() const { return method_name(id()); }

  // The weight steps the budget buys; a Step 1 step trains `widest` paths.
  // Throws ConfigError when a phase would get no step.
  virtual StepPlan plan(const TrainingOptions& options, int widest) const = 0;

  // True for the PRP family: Step 2 trains alpha, which is judged, recorded
  // in alpha_history.csv and gives the front.
  virtual bool trains_alpha() const { return false; }

  // Before weight step state.step + 1 (PRP: builds Step 2's rank pool).
  virtual void before_step(SupernetRun& run) const { (void)run; }

  // Weight step state.step + 1 and whatever else belongs to it (rank step,
  // pruning); fills the row's phase and the method's columns and adds its
  // time to run.state.seconds.
  virtual StepResult step(SupernetRun& run, LogRow& row) const = 0;

  // After the step just counted: the end of a phase, which is always judged
  // and checkpointed.
  virtual bool phase_ends(const SupernetRun& run) const;

  // The candidates whose non-dominated estimates make front.csv.
  virtual std::vector<space::Architecture> final_candidates(SupernetRun& run) const = 0;
};

std::unique_ptr<TrainingMethod> make_training_method(Method method);

// Throws ConfigError when `plan` has no step, or no `step_kind` step
// ("fairness": Step 1 steps are needed; "SPOS": any step will do).
void check_budget_buys(const StepPlan& plan, const TrainingOptions& options, int widest, const std::string& step_kind);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_METHODS_TRAINING_METHOD_H_
