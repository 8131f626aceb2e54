// Phase 1 of an experiment (eval/experiment.h) across the ranks of a
// distributed job: the runs (every method of every seed) are independent, so
// they are handed out to the ranks one at a time, and each rank trains its
// own whole, as one process would (dist::SoloScope), into its run directory.
// Rank 0 then finds every run finished and goes on alone: the results are
// one process's, bit for bit, in about 1/ranks of the training time.
#ifndef PRPNAS_EVAL_DISTRIBUTED_EXPERIMENT_H_
#define PRPNAS_EVAL_DISTRIBUTED_EXPERIMENT_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "prpnas/data/image_dataset.h"
#include "prpnas/dist/heartbeat.h"
#include "prpnas/eval/experiment.h"

namespace prpnas::eval {

// Trains this rank's share of the runs of `inputs.methods` x `seeds` (no
// seeds: one seed, in `dir` itself), then waits, beating, until every rank
// has trained its share. A lost rank stops the others within the timeout.
void train_runs_across_ranks(const data::DatasetSplits& data, const ExperimentInputs& inputs,
                             const std::vector<std::uint64_t>& seeds, const std::string& dir, std::FILE* progress,
                             const dist::Heartbeat& heartbeat);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_DISTRIBUTED_EXPERIMENT_H_
