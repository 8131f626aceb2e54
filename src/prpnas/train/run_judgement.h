// How a training run is judged against the stand-alone ground truth
// (docs/METHOD.md, "The training run"): the Kendall tau-b of the Pareto
// ranks the supernet's estimates give against the true ones (over every
// objective of the run), of the accuracies alone, of alpha's scores (methods
// that train alpha), and the normalised hypervolume of the current front.
// And the final front the run ends with.
#ifndef PRPNAS_TRAIN_RUN_JUDGEMENT_H_
#define PRPNAS_TRAIN_RUN_JUDGEMENT_H_

#include <vector>

#include "prpnas/train/run_log.h"
#include "prpnas/train/supernet_run.h"
#include "prpnas/train/training_summary.h"

namespace prpnas::train {

class RunJudgement {
 public:
  // The truth's Pareto ranks by true accuracy and the run's costs.
  explicit RunJudgement(const SupernetRun& run);

  // Fills the judgement columns of `row` (nothing without ground truth).
  void judge(SupernetRun& run, LogRow& row) const;

  // Kendall tau-b of the first cost alone against the true ranks: what
  // ranking by cost without any accuracy estimate achieves. NaN without truth.
  double kendall_cost_only() const { return kendall_cost_only_; }

 private:
  std::vector<double> truth_ranks_;
  double kendall_cost_only_;
};

// The non-dominated among the method's final candidates (estimated), with
// the truth's accuracy where it has one: written to front.csv and kept in
// the state.
void make_final_front(SupernetRun& run);

// The judgement columns of the last judged row of `log`.
Judgement last_judgement(const TextRows& log);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_RUN_JUDGEMENT_H_
