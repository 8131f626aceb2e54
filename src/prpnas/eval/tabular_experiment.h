// Tabular mode of the experiment: PRP's alpha training (train/tabular_prp.h),
// NSGA-II and random search, each with the same budget of distinct table
// queries, judged against the true front of every cell of the table
// (docs/METHOD.md, "Tabular mode"). No network is trained.
#ifndef PRPNAS_EVAL_TABULAR_EXPERIMENT_H_
#define PRPNAS_EVAL_TABULAR_EXPERIMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "prpnas/eval/judge_front.h"
#include "prpnas/eval/tabular_problem.h"
#include "prpnas/pareto/front_metrics.h"
#include "prpnas/search/nsga2.h"
#include "prpnas/search/surrogate_search.h"
#include "prpnas/space/search_space.h"
#include "prpnas/train/tabular_prp.h"

namespace prpnas::eval {

struct TabularExperimentOptions {
  std::size_t budget = 1000;  // distinct table queries per method
  std::uint64_t seed = 0;     // every method's seed
  train::TabularPrpOptions prp;
  search::Nsga2Options nsga2;
  // PRP is run again with each of these S (alpha.samples; top_n capped at
  // S), all else equal, for hypervolume against S. Empty = no sweep.
  std::vector<int> sample_sizes = {8, 16, 32, 64, 128, 256};
  // PRP is run again ranking by accuracies with Gaussian noise of each of
  // these standard deviations (in the accuracy's units; the same draw per
  // cell for every level), as a supernet's estimates are noisy; its front is
  // chosen by the noisy values and judged on the clean table. Rows
  // "prp-noise<sigma>".
  std::vector<double> noise_levels;
  search::SurrogateSearchOptions surrogate;  // the "surrogate" row
};

// PRP's result with one sample size S.
struct SampleSizePoint {
  int samples = 0;
  double front_approximation = 0, front_approximation_nadir = 0, kendall_tau_b = 0;
};

struct TabularMethodResult {
  std::string method;                      // "prp", "prp-alpha", "prp-noise<sigma>", "nsga2", "random", "surrogate"
  std::vector<space::Architecture> front;  // non-dominated among what it queried
  std::size_t queries = 0;
  double front_approximation = 0;          // HV(front) / HV(true front), shared reference
  double front_approximation_nadir = 0;    // the same with the near-front reference
  double igd = 0;                          // in the objectives' units
  double kendall_tau_b = 0;                // P vs true Pareto ranks over all cells; NaN without P
  double seconds = 0;
  // Judged from the valid cells' true front alone (pareto/front_metrics.h):
  // the discriminating figures; the three above are kept for comparability.
  pareto::FrontMetrics metrics;
};

struct TabularExperiment {
  // prp, prp-alpha (its alpha front alone), prp-noise<sigma>..., nsga2, random, surrogate
  std::vector<TabularMethodResult> methods;
  std::vector<space::Architecture> true_front;
  // Minimised. `worst` is set by degenerate cells at chance accuracy, so that
  // every front scores near 1 against it; `near_front` (the true front's
  // worst value of every objective plus a tenth of its range) only counts the
  // region near the front, where methods differ.
  FrontReferences references;
  train::TabularPrpResult prp;             // alpha, mask and the method's own front
  std::vector<SampleSizePoint> sample_sweep;  // one per options.sample_sizes
};

// Seeds options.prp.seed and options.nsga2.seed from options.seed.
TabularExperiment run_tabular_experiment(const space::SearchSpace& space, const TabularProblem& problem,
                                         const TabularExperimentOptions& options);

// Writes DIR/results.csv (method,front_approximation,kendall_tau_b,queries,
// front_approximation_nadir,igd,front_size,seconds,hv_ratio,igd_plus,epsilon,
// true_front_hits,near_hits,true_front_size), DIR/results.json (the same, the objectives, the
// reference point and PRP's own alpha front), DIR/<method>/front.csv and
// DIR/true_front.csv (arch + objective columns in their units),
// DIR/prp/alpha.csv and DIR/prp/sample_sweep.csv; each file atomically
// (docs/FORMATS.md).
void write_tabular_experiment(const std::string& dir, const space::SearchSpace& space,
                              const TabularProblem& problem, const TabularExperimentOptions& options,
                              const TabularExperiment& experiment);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_TABULAR_EXPERIMENT_H_
