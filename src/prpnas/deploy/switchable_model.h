// The runtime of a bundle (`prpnas export --front`): one TorchScript module
// holding several architectures with shared weights, and its manifest. An
// application selects one architecture, infers with it, and may switch at
// any time (battery_policy.h says when); switching costs nothing but a
// method lookup. Needs libtorch, not the rest of prpnas.
#ifndef PRPNAS_DEPLOY_SWITCHABLE_MODEL_H_
#define PRPNAS_DEPLOY_SWITCHABLE_MODEL_H_

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <torch/script.h>

#include "prpnas/deploy/bundle_manifest.h"

namespace prpnas::deploy {

class SwitchableModel {
 public:
  // Reads DIR/manifest.json and DIR/bundle.pt; the file's size and CRC-32
  // must match the manifest's. Throws DataError, one line naming the file
  // and the fix, for anything missing, truncated, corrupt or inconsistent.
  explicit SwitchableModel(const std::string& dir);

  std::size_t size() const { return manifest_.entries.size(); }
  const std::vector<BundleEntry>& entries() const { return manifest_.entries; }
  const nlohmann::json& manifest() const { return manifest_.json; }

  // Throws ConfigError for k >= size(). Starts at 0, the most accurate.
  void select(std::size_t k);
  std::size_t selected() const { return selected_; }
  const BundleEntry& active() const { return manifest_.entries[selected_]; }

  // Logits [N, classes] of the selected architecture for normalised images
  // [N, C, H, W] (manifest "normalisation"), without gradients.
  torch::Tensor infer(const torch::Tensor& images);

 private:
  BundleManifest manifest_;
  torch::jit::Module module_;
  std::vector<torch::jit::Method> methods_;
  std::size_t selected_ = 0;
};

}  // namespace prpnas::deploy

#endif  // PRPNAS_DEPLOY_SWITCHABLE_MODEL_H_
