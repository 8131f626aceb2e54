// The tabular experiment over several seeds (`prpnas experiment --tabular
// --seeds 0-19`): every seed's experiment into DIR/seed-N (results and
// fronts, no per-seed report), then the summary over seeds into DIR
// (eval/seed_summary.h, eval/seed_report.h). A seed takes about a second, so
// a re-run recomputes every seed; the results are the same for the same seed.
#ifndef PRPNAS_EVAL_TABULAR_SEEDS_H_
#define PRPNAS_EVAL_TABULAR_SEEDS_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "prpnas/eval/seed_summary.h"
#include "prpnas/eval/tabular_experiment.h"

namespace prpnas::eval {

// The metrics summarised over seeds: the discriminating ones first, then
// Kendall (PRP rows only) and the old front_approximation columns.
const std::vector<MetricSense>& tabular_seed_metrics();

// `options.seed` is replaced by each seed; the sample-size sweep is skipped.
// `progress` gets one line per seed (nullptr: silent).
SeedSummary run_tabular_seeds(const space::SearchSpace& space, const TabularProblem& problem,
                              TabularExperimentOptions options, const std::vector<std::uint64_t>& seeds,
                              const std::string& dir, std::FILE* progress);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_TABULAR_SEEDS_H_
