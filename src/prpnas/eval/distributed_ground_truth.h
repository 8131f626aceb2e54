// Ground truth across the ranks of a distributed job (docs/CLUSTER.md): the
// architectures are handed out one at a time through the job's store (a
// shared counter), so a rank that drew quick ones takes more; every rank
// trains `jobs` at once and sends each finished row through the store; rank
// 0, which alone holds the file, appends them as they arrive. So the file
// stays resumable exactly as with one process. A rank whose heartbeat stops
// for the timeout is lost: every rank stops at its next safe point with one
// line naming it, and a rerun trains what the file lacks.
#ifndef PRPNAS_EVAL_DISTRIBUTED_GROUND_TRUTH_H_
#define PRPNAS_EVAL_DISTRIBUTED_GROUND_TRUTH_H_

#include <cstdio>
#include <vector>

#include "prpnas/data/image_dataset.h"
#include "prpnas/eval/ground_truth_file.h"
#include "prpnas/eval/standalone.h"
#include "prpnas/space/search_space.h"

namespace prpnas::eval {

// Every rank calls it with the same `todo`; `file` is rank 0's (nullptr on
// the others). Returns how many rows rank 0 appended (0 on the others).
std::size_t train_across_ranks(const space::SearchSpace& space, const std::vector<space::Architecture>& todo,
                               const data::DatasetSplits& data, const Fidelity& fidelity, GroundTruthFile* file,
                               int jobs, std::FILE* progress);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_DISTRIBUTED_GROUND_TRUTH_H_
