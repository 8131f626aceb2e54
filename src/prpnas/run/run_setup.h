// A training run assembled from its configuration, in one place for
// `train`, `experiment` and `search`: the data, the network (space, preset,
// the dataset's shape), the cost objectives (from the run's LUT, by the LUT
// policy of run_latency.h, or counted on the network), the ground truth and
// Step 2's rank table.
#ifndef PRPNAS_RUN_RUN_SETUP_H_
#define PRPNAS_RUN_RUN_SETUP_H_

#include <memory>
#include <string>

#include "prpnas/data/image_dataset.h"
#include "prpnas/run/train_config.h"
#include "prpnas/space/search_space.h"
#include "prpnas/train/training_inputs.h"

namespace prpnas::run {

struct RunSetup {
  std::unique_ptr<space::SearchSpace> space;
  data::DatasetSplits data;
  train::TrainingInputs inputs;
};

// `lut_dir`: the folder whose lut.csv the LUT policy uses when the config
// names none (measured there when missing and `measure_if_missing`). Throws
// ConfigError/DataError naming the key or file.
RunSetup assemble_run(const TrainConfig& config, const std::string& lut_dir, bool measure_if_missing);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_RUN_SETUP_H_
