// What `prpnas export` writes beside a network or bundle: how to feed it
// (input shape, normalisation, classes) and what each architecture costs,
// each figure with its source. Shared by export_run.h and bundle_run.h.
#ifndef PRPNAS_RUN_EXPORT_DESCRIPTION_H_
#define PRPNAS_RUN_EXPORT_DESCRIPTION_H_

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "prpnas/data/image_dataset.h"
#include "prpnas/hw/latency_table.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/run/run_setup.h"
#include "prpnas/run/train_config.h"
#include "prpnas/train/batches.h"

namespace prpnas::run {

// The test images an export is checked on: the first 1,000 of `data.test`
// (fewer if it is smaller); DataError naming --run when there are none.
train::Batch export_check_batch(const data::DatasetSplits& data, const std::string& run_dir);

// space, network, input, normalisation, classes and dataset.
nlohmann::json input_description(const TrainConfig& config, const RunSetup& setup, const data::DatasetSplits& data);

// The costs of a run's architectures: params and flops counted exactly on
// the network, latency_ms and energy_mj from the run's LUT
// (evaluation.lut, else RUN/lut.csv) when there is one, each
// {"value", "source", ...} with the LUT's device, network and energy method.
class ArchitectureCostSheet {
 public:
  ArchitectureCostSheet(const TrainConfig& config, const RunSetup& setup, const std::string& run_dir);
  nlohmann::json costs(const space::Architecture& arch) const;

 private:
  nn::ArchitectureCounter counter_;
  std::string lut_path_;
  std::optional<hw::LatencyTable> lut_;
};

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_EXPORT_DESCRIPTION_H_
