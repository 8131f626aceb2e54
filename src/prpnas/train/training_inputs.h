// What a supernet training run trains and judges with, besides its options:
// the network, the cost objectives and the stand-alone ground truth.
#ifndef PRPNAS_TRAIN_TRAINING_INPUTS_H_
#define PRPNAS_TRAIN_TRAINING_INPUTS_H_

#include <vector>

#include "prpnas/nn/supernet_factory.h"
#include "prpnas/train/run_objectives.h"
#include "prpnas/train/scored_architectures.h"

namespace prpnas::train {

struct TrainingInputs {
  nn::NetworkSpec network;
  std::vector<CostObjective> costs;  // after accuracy; e.g. latency_ms from a LUT
  ScoredArchitectures truth;         // for the Kendall columns; empty = none
  ScoredArchitectures rank_table;    // Step 2's rank source; empty = the supernet after Step 1
};

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_TRAINING_INPUTS_H_
