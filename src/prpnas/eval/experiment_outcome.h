// What `prpnas experiment --config` measured, in plain values (no torch), so
// that the results files and the report are written from one place.
#ifndef PRPNAS_EVAL_EXPERIMENT_OUTCOME_H_
#define PRPNAS_EVAL_EXPERIMENT_OUTCOME_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "prpnas/pareto/bootstrap.h"
#include "prpnas/pareto/front_metrics.h"

namespace prpnas::eval {

// One row of the results. Every method's row judges the front of the same
// evaluation.final_sample uniform candidates, estimated with its own
// supernet; a method that trains alpha has a second row "<method>-alpha"
// for the front of alpha's candidates (its own answer), whose Kendall is
// alpha's score P(a).
struct MethodOutcome {
  std::string method;
  std::string run;  // the training run's folder (DIR/<run>): "prp" for prp-alpha
  // From the run's final judgement (its judged.csv), with 95 % bootstrap
  // intervals over the judged cells; NaN where not judged.
  double kendall_tau_b = 0, kendall_tau_b_accuracy = 0;
  pareto::ConfidenceInterval kendall_ci, kendall_accuracy_ci;
  pareto::FrontMetrics metrics;  // against the valid true front (pareto/front_metrics.h)
  std::size_t candidates = 0;    // architectures the front was chosen from
  double hypervolume = 0, front_approximation = 0, igd = 0;
  double front_approximation_nadir = 0;  // the same over valid cells, near-front reference
  double train_seconds = 0, search_seconds = 0;
  int64_t images = 0;  // path-images of the weight steps
  std::string objectives;  // judged by, e.g. "test_accuracy:max latency_ms:min"
  std::vector<std::string> front;  // native strings
};

struct TrueValues {
  double test_accuracy = 0;   // stand-alone, %
  std::vector<double> costs;  // in the order of ExperimentOutcome::cost_names (e.g. LUT latency)
};

struct ExperimentOutcome {
  std::vector<std::string> cost_names;  // the run's cost objectives, after test accuracy
  std::vector<MethodOutcome> methods;
  std::map<std::string, TrueValues> known;  // every architecture with a stand-alone result
  std::vector<std::string> true_front;      // the non-dominated among `known`
  TrueValues reference;                     // the worst accuracy and the worst of each cost of `known`
  // Just behind the true front of the valid (non-degenerate) known cells:
  // pareto::near_front_reference. Degenerate cells (constant output) sit at
  // chance with the lowest latency; judged against `reference` they make
  // hypervolume mostly reward the cheapest cell.
  TrueValues nadir_reference;
  std::size_t trained_for_this_experiment = 0;
  int64_t batch_size = 0;                   // of the weight steps (paths per step: 5 in Step 1, else 1)
};

// results.csv's columns, and a method's row in them.
const std::vector<std::string>& results_header();
std::vector<std::string> results_row(const MethodOutcome& outcome);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_EXPERIMENT_OUTCOME_H_
