// A training run's checkpoint file (a TensorBundle): the supernet (weights and alpha), both
// optimisers, the batch stream and the RunState, so that a run killed at any
// moment continues from its last checkpoint to the alpha an uninterrupted
// run ends with (same machine, same threads). Saving rewrites the run's
// tables first; every file is written atomically.
#ifndef PRPNAS_TRAIN_CHECKPOINT_H_
#define PRPNAS_TRAIN_CHECKPOINT_H_

#include <string>

#include "prpnas/nn/supernet.h"
#include "prpnas/train/supernet_run.h"

namespace prpnas::train {

// `also_as_step1`: the same bytes as the layout's step1_checkpoint too.
void save_checkpoint(SupernetRun& run, bool also_as_step1 = false);

// Every checkpoint carries a CRC-32 trailer, checked on load, and saving
// keeps the one before as checkpoint.previous. A damaged or missing newest
// checkpoint is reported in one line and the previous one used. Throws
// DataError naming the file when neither is usable, or when the one read is
// of another network or inconsistent with the run's plan.
void load_checkpoint(SupernetRun& run);

// Just the supernet's tensors and the state, for search and export; throws
// DataError naming the file, also when its checksum does not match.
RunState load_supernet_from_checkpoint(const std::string& path, nn::Supernet& supernet);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_CHECKPOINT_H_
