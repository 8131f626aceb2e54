// A whole supernet training run (docs/METHOD.md, "The training run") of any
// search space with a supernet (nn/supernet_factory.h): PRP (Step 1
// fairness, then Step 2 task and rank steps, Step 3 pruning), PRP without
// pruning, FairNAS or SPOS (train/methods/), at a budget of path-images
// (training_plan.h), judged against stand-alone ground truth on accuracy
// and every cost objective.
//
// Step 2 ranks its samples with a table when one is given, otherwise with
// the supernet as it stood after Step 1: a pool of `rank_pool` architectures
// is evaluated then (shared weights + cost tables) and each rank step
// samples S of its members that use only alive choices.
//
// Everything goes into the run directory (train/run_layout.h), each file
// written atomically; a run killed at any moment and started again
// continues from its last checkpoint (train/checkpoint.h) and ends with the
// alpha an uninterrupted run ends with (same machine, same threads).
#ifndef PRPNAS_TRAIN_SUPERNET_TRAINING_H_
#define PRPNAS_TRAIN_SUPERNET_TRAINING_H_

#include <cstdio>
#include <memory>
#include <string>

#include "prpnas/data/image_dataset.h"
#include "prpnas/nn/supernet.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/train/training_inputs.h"
#include "prpnas/train/training_plan.h"
#include "prpnas/train/training_summary.h"

namespace prpnas::train {

// Runs (or resumes) to the end of the budget, writes summary.json and
// returns it typed. `progress` gets the progress line and events (nullptr:
// silent). Throws Error for a NaN loss (naming the step; the last
// checkpoint, from before it, stays), ConfigError for bad options or a
// checkpoint of another shape, DataError for an unreadable checkpoint.
TrainingSummary run_supernet_training(const data::DatasetSplits& data, const TrainingInputs& inputs,
                                      const TrainingOptions& options, const std::string& run_dir,
                                      std::FILE* progress);

// A run read back from its checkpoint for search: the trained weights and
// alpha (the supernet's own parameter) and the pruning mask.
struct TrainedSupernet {
  std::shared_ptr<nn::Supernet> supernet;
  space::ChoiceMask alive;
  int64_t step = 0;       // weight steps done
  bool finished = false;  // false: the run stopped before its budget was spent
};

// Throws DataError naming the file when run_dir holds no readable
// checkpoint, or one of another network than `network`.
TrainedSupernet load_trained_supernet(const std::string& run_dir, const nn::NetworkSpec& network);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_SUPERNET_TRAINING_H_
