// log.csv of a training run: one row per weight step; the judgement columns
// are filled at the steps that are judged (docs/FORMATS.md).
#ifndef PRPNAS_TRAIN_RUN_LOG_H_
#define PRPNAS_TRAIN_RUN_LOG_H_

#include <string>
#include <vector>

namespace prpnas::train {

inline const std::vector<std::string> kLogHeader = {
    "step",  "phase",  "learning_rate",    "weight_loss", "hinge", "listnet", "alpha_loss",
    "alive", "kendall_supernet", "kendall_supernet_accuracy", "kendall_alpha", "hypervolume", "seconds"};

enum LogColumn {
  kStep, kPhase, kRate, kWeightLoss, kHinge, kListnet, kAlphaLoss, kAlive,
  kKendallSupernet, kKendallAccuracy, kKendallAlpha, kHypervolume,  // the judgement
  kSeconds
};

using LogRow = std::vector<std::string>;

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_RUN_LOG_H_
