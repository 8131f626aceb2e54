// The supernet experiment over several seeds (`prpnas experiment --config C
// --seeds 0-4`): every seed's methods train into DIR/seed-N (config seed
// replaced by N), then the front architectures the truth lacks, over all
// seeds, are trained once into DIR/ground_truth.csv, and every seed is judged
// against that same set of known architectures (so one true front for all).
// Each phase resumes: re-running the command continues where it stopped.
#ifndef PRPNAS_EVAL_EXPERIMENT_SEEDS_H_
#define PRPNAS_EVAL_EXPERIMENT_SEEDS_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "prpnas/eval/experiment.h"
#include "prpnas/eval/seed_summary.h"

namespace prpnas::eval {

// The metrics summarised over seeds: the discriminating ones first, then
// the Kendall figures and the old front_approximation columns.
const std::vector<MetricSense>& supernet_seed_metrics();

// `inputs.training.seed` is replaced by each seed. Writes every seed's
// results into DIR/seed-N and the summary into DIR; returns the summary and,
// in `outcomes`, each seed's outcome (for the reports).
SeedSummary run_experiment_seeds(const data::DatasetSplits& data, const ExperimentInputs& inputs,
                                 const std::vector<std::uint64_t>& seeds, const std::string& dir,
                                 std::FILE* progress, std::vector<ExperimentOutcome>& outcomes);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_EXPERIMENT_SEEDS_H_
