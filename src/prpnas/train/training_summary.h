// What a finished (or already finished) training run hands its caller, typed,
// with its front in memory; summary.json is its JSON form (docs/FORMATS.md).
#ifndef PRPNAS_TRAIN_TRAINING_SUMMARY_H_
#define PRPNAS_TRAIN_TRAINING_SUMMARY_H_

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "prpnas/pareto/objective.h"
#include "prpnas/space/search_space.h"
#include "prpnas/train/run_state.h"
#include "prpnas/train/training_plan.h"

namespace prpnas::train {

// The judgement columns of the last judged log row; NaN where a column was
// not judged (no ground truth, or alpha not trained yet).
struct Judgement {
  bool judged = false;
  double kendall_supernet = std::nan(""), kendall_supernet_accuracy = std::nan(""), kendall_alpha = std::nan("");
  double hypervolume = std::nan("");
};

struct TrainingSummary {
  std::string method;
  std::vector<pareto::Objective> objectives;  // accuracy:max, then the costs
  StepPlan steps;
  int64_t path_images = 0, alpha_steps = 0;
  int alive_choices = 0;
  RunSeconds seconds;
  Judgement last;
  double kendall_cost_only = std::nan("");  // ranking by the first cost alone: the baseline to beat
  std::size_t truth_architectures = 0;
  FinalFront front;
  FinalFront uniform_front;  // candidates 0: finished by a prpnas without it

  // Weight-step seconds (fairness + single path + rank) and shared-weight
  // estimation seconds.
  double training_seconds() const { return seconds.fairness + seconds.single_path + seconds.rank; }

  nlohmann::json to_json(const space::SearchSpace& space) const;
};

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_TRAINING_SUMMARY_H_
