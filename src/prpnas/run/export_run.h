// `prpnas export --run DIR --arch A --out model.pt`: one architecture of a
// trained supernet run as a TorchScript file (deploy/torchscript_export.h),
// and a JSON sidecar (model.pt.json) saying what it is: space, architecture,
// input shape and normalisation, accuracy with its kind, costs with their
// source. The weights are, by default, the supernet's, with the BN
// statistics its accuracy estimate recalibrates
// (SupernetEvaluator::standalone); with finetune_epochs, those trained K more
// epochs stand-alone on the run's data; with from_ground_truth, a network
// trained from scratch at the run's ground truth's fidelity.
//
// The file is checked before it is written: loaded back from its bytes, it
// must compute the network's forward on real test images to within
// kExportTolerance, else nothing is written.
#ifndef PRPNAS_RUN_EXPORT_RUN_H_
#define PRPNAS_RUN_EXPORT_RUN_H_

#include <cstdint>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

namespace prpnas::run {

inline constexpr double kExportTolerance = 1e-5;  // max |difference| of the logits

struct ExportOptions {
  std::string run_dir;  // of `prpnas train --out`
  std::string arch;     // the space's native string
  std::string out;      // the .pt file; OUT.json beside it
  int finetune_epochs = 0;         // > 0: fine-tune the supernet's network
  bool from_ground_truth = false;  // train from scratch at evaluation.truth's fidelity instead
};

struct ExportResult {
  nlohmann::json sidecar;  // what OUT.json holds
  double max_difference = 0;  // exported vs prpnas forward, on the checked test images
  int64_t checked_images = 0;
  int64_t bytes = 0;
  double seconds = 0;
};

// Throws ConfigError/ParseError naming the option (--run, --arch) or file.
ExportResult export_from_run(const ExportOptions& options, std::FILE* log);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_EXPORT_RUN_H_
