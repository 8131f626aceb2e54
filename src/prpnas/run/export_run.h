// `prpnas export --run DIR --arch A --out model.pt`: one architecture of a
// trained supernet run as a TorchScript file (deploy/torchscript_export.h),
// with the supernet's weights and the BN statistics its accuracy estimate
// recalibrates (SupernetEvaluator::standalone), and a JSON sidecar
// (model.pt.json) saying what it is: space, architecture, input shape and
// normalisation, accuracy with its kind, costs with their source.
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
