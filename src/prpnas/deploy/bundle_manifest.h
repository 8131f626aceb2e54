// A bundle's manifest.json (`prpnas export --front`), read and checked: what
// the runtime and the battery simulation know of each architecture without
// loading the networks. No torch.
#ifndef PRPNAS_DEPLOY_BUNDLE_MANIFEST_H_
#define PRPNAS_DEPLOY_BUNDLE_MANIFEST_H_

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace prpnas::deploy {

// One architecture of a bundle.
struct BundleEntry {
  std::string arch;
  double accuracy = 0;        // %
  std::string accuracy_kind;  // stand-alone test, or shared-weight estimate
  double bundle_test_accuracy = 0;  // %, of this architecture in the bundle, on the export's check images
  std::optional<double> latency_ms, energy_mj;  // per inference (batch 1), when the manifest has them
  std::string latency_source, energy_source;
};

struct BundleManifest {
  std::string path;       // DIR/manifest.json
  std::string bundle_path;  // DIR/<bundle.file>
  nlohmann::json json;
  std::vector<BundleEntry> entries;  // in index order: most accurate first
};

// Throws DataError, one line naming the file and the fix, when DIR is not a
// bundle directory or its manifest is missing, not JSON or lacks a field.
BundleManifest read_bundle_manifest(const std::string& dir);

// What to do about a damaged bundle.
inline constexpr const char* kBundleFix = "export the bundle again (prpnas export --front)";

}  // namespace prpnas::deploy

#endif  // PRPNAS_DEPLOY_BUNDLE_MANIFEST_H_
