#include "prpnas/train/training_plan.h"

#include <cmath>

#include <fmt/core.h>

#include "prpnas/train/methods/training_method.h"
#include "prpnas/util/error.h"

namespace prpnas::train {

std::string method_name(Method method) {
  switch (method) {
    case Method::kPrp: return "prp";
    case Method::kPrpNoPruning: return "prp-no-pruning";
    case Method::kPrpCoupled: return "prp-coupled";
    case Method::kFairnas: return "fairnas";
    case Method::kSpos: return "spos";
  }
  return "?";
}

Method parse_method(std::string_view name) {
  for (Method m : {Method::kPrp, Method::kPrpNoPruning, Method::kPrpCoupled, Method::kFairnas, Method::kSpos}) {
    if (name == method_name(m)) return m;
  }
  throw ConfigError(fmt::format("unknown method '{}'; use one of {}", name, kMethodNames));
}

namespace {

void check_fraction(double value, const char* field, bool open_at_zero) {
  if (!std::isfinite(value) || value < 0 || value > 1 || (open_at_zero && value == 0)) {
    throw ConfigError(fmt::format("{} = {} must be in {}0, 1]", field, value, open_at_zero ? "(" : "["));
  }
}

void check_at_least(int64_t value, int64_t least, const char* field) {
  if (value < least) throw ConfigError(fmt::format("{} = {} must be >= {}", field, value, least));
}

// Far above any batch a CPU trains, low enough that a typo is named as such.
constexpr int64_t kMaxBatch = 1 << 16;

void check_batch(int64_t value, const char* field) {
  if (value < 1 || value > kMaxBatch) {
    throw ConfigError(fmt::format("{} = {} must be in 1..{}", field, value, kMaxBatch));
  }
}

}  // namespace

void TrainingOptions::check() const {
  check_batch(batch_size, "training.batch_size");
  check_at_least(budget_images, 1, "training.budget_images");
  check_fraction(fairness_share, "training.fairness_share", true);
  if (!std::isfinite(sgd.learning_rate) || sgd.learning_rate <= 0) {
    throw ConfigError(fmt::format("training.learning_rate = {} must be > 0", sgd.learning_rate));
  }
  if (!std::isfinite(sgd.momentum) || sgd.momentum < 0 || sgd.momentum >= 1) {
    throw ConfigError(fmt::format("training.momentum = {} must be in [0, 1)", sgd.momentum));
  }
  if (!std::isfinite(sgd.weight_decay) || sgd.weight_decay < 0) {
    throw ConfigError(fmt::format("training.weight_decay = {} must be >= 0", sgd.weight_decay));
  }
  alpha.check();
  check_at_least(rank_pool, alpha.top_n, "ranking.pool (at least alpha.top_n)");
  check_at_least(prune_every, 1, "pruning.every");
  check_fraction(prune_worst_fraction, "pruning.worst_fraction", false);
  check_at_least(evaluation.recalibration_batches, 0, "evaluation.recalibration_batches");
  check_batch(evaluation.batch_size, "evaluation.batch_size");
  check_at_least(evaluation.valid_images, 0, "evaluation.valid_images");
  check_at_least(evaluate_every, 0, "evaluation.every");
  check_at_least(final_sample, 1, "evaluation.final_sample");
  if (final_candidates != "uniform" && final_candidates != "truth") {
    throw ConfigError("evaluation.final_candidates must be \"uniform\" or \"truth\", not \"" + final_candidates + "\"");
  }
  front.check();
  check_at_least(checkpoint_every, 1, "checkpoint.every");
}

StepPlan plan_steps(const TrainingOptions& options, int paths_per_fairness_step) {
  return make_training_method(options.method)->plan(options, paths_per_fairness_step);
}


}  // namespace prpnas::train
