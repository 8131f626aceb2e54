#include "prpnas/train/methods/training_method.h"

#include <fmt/core.h>

#include "prpnas/train/methods/baselines.h"
#include "prpnas/train/methods/prp.h"
#include "prpnas/train/supernet_run.h"
#include "prpnas/util/error.h"

namespace prpnas::train {

bool TrainingMethod::phase_ends(const SupernetRun& run) const { return run.state.step == run.plan.total(); }

void check_budget_buys(const StepPlan& plan, const TrainingOptions& options, int widest, const std::string& step_kind) {
  if (plan.total() < 1 || (plan.fairness_steps < 1 && step_kind == "fairness")) {
    throw ConfigError(fmt::format("training.budget_images = {} buys no {} step at batch {} ({} paths a step); "
                                  "raise it",
                                  options.budget_images, step_kind, options.batch_size, widest));
  }
}

std::unique_ptr<TrainingMethod> make_training_method(Method method) {
  switch (method) {
    case Method::kPrp: return std::make_unique<Prp>();
    case Method::kPrpNoPruning: return std::make_unique<PrpNoPruning>();
    case Method::kPrpCoupled: return std::make_unique<PrpCoupled>();
    case Method::kFairnas: return std::make_unique<Fairnas>();
    case Method::kSpos: return std::make_unique<Spos>();
  }
  throw Error("unknown training method");
}

}  // namespace prpnas::train
