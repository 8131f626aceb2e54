// A whole supernet training run on NB201 (docs/METHOD.md, "The training
// run"): PRP (Step 1 fairness, then Step 2 task and rank steps, Step 3
// pruning), PRP without pruning, FairNAS or SPOS, at a budget of path-images
// (training_plan.h), judged against stand-alone ground truth.
//
// Step 2 ranks its samples with a table when one is given, otherwise with
// the supernet as it stood after Step 1: a pool of `rank_pool` architectures
// is evaluated then (shared weights + latency table) and each rank step
// samples S of its members that use only alive choices.
//
// Everything goes into the run directory, each file written atomically:
// checkpoint (W, alpha, mask, both optimisers, random engines, batch
// stream, log, timings), log.csv, alpha.csv, mask.csv, pool.csv, PRP's
// alpha_history.csv and step1_checkpoint (the checkpoint once Step 1 and the
// rank pool are done), and at the end front.csv and summary.json
// (docs/FORMATS.md). A run killed at any
// moment and started again continues from its last checkpoint and ends with
// the alpha an uninterrupted run ends with (same machine, same threads).
#ifndef PRPNAS_TRAIN_SUPERNET_TRAINING_H_
#define PRPNAS_TRAIN_SUPERNET_TRAINING_H_

#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "prpnas/data/image_dataset.h"
#include <memory>

#include "prpnas/nn/supernet.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/space/cost_table.h"
#include "prpnas/space/search_space.h"
#include "prpnas/train/training_plan.h"

namespace prpnas::train {

// PRP with and without pruning differ only from Step 2's first alpha step
// on: a run directory of either holds this file once it gets there, and a
// fresh run of the other with the same settings may start from a copy of it
// as its `checkpoint` (same result as training Step 1 again).
inline constexpr const char* kStep1Checkpoint = "step1_checkpoint";

// Architectures with a known accuracy in % (stand-alone ground truth, or a table).
struct ScoredArchitectures {
  std::vector<space::Architecture> archs;
  std::vector<double> accuracy;
  bool empty() const { return archs.empty(); }
};

struct TrainingInputs {
  nn::NetworkSpec network;
  space::CostTable latency_ms;   // the latency objective (a LUT)
  ScoredArchitectures truth;     // for the Kendall columns; empty = none
  ScoredArchitectures rank_table;  // Step 2's rank source; empty = the supernet after Step 1
};

// Runs (or resumes) to the end of the budget and returns summary.json's
// contents. `progress` gets the progress line and events (nullptr: silent).
// Throws Error for a NaN loss (naming the step; the last checkpoint, from
// before it, stays), ConfigError for bad options or a checkpoint of another
// shape, DataError for an unreadable checkpoint.
nlohmann::json run_supernet_training(const data::DatasetSplits& data, const TrainingInputs& inputs,
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
