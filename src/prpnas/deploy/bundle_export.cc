#include "prpnas/deploy/bundle_export.h"

#include <set>
#include <string>

#include <fmt/core.h>

#include "prpnas/deploy/torchscript_export.h"
#include "prpnas/deploy/traced_method.h"
#include "prpnas/util/error.h"

namespace prpnas::deploy {
namespace {

using TensorSet = std::set<const c10::TensorImpl*>;

// The parameters (or buffers) of the modules `path` runs through.
TensorSet path_tensors(const nn::Supernet& supernet, const space::Architecture& path, bool buffers) {
  TensorSet out;
  for (const auto& module : supernet.path_modules(path)) {
    for (const auto& t : buffers ? module->buffers() : module->parameters()) out.insert(t.unsafeGetTensorImpl());
  }
  return out;
}

// forward(x, k) calls forward_k(x).
std::string dispatcher(std::size_t paths) {
  std::string source = fmt::format(
      "def forward(self, x: Tensor, k: int) -> Tensor:\n    assert 0 <= k and k < {}, \"k must be in 0..{}\"\n", paths,
      paths - 1);
  for (std::size_t k = 0; k + 1 < paths; ++k) {
    source += fmt::format("    if k == {}:\n        return self.forward_{}(x)\n", k, k);
  }
  return source + fmt::format("    return self.forward_{}(x)\n", paths - 1);
}

}  // namespace

torch::jit::Module export_bundle(nn::Supernet& supernet, const std::vector<space::Architecture>& paths,
                                 const WithStatistics& with_statistics, const torch::Tensor& example) {
  if (paths.empty()) throw Error("export: a bundle needs at least one architecture");
  supernet.set_observer(nullptr);
  torch::nn::Module& module = supernet.module();
  const bool was_training = module.is_training();

  // The weights any path uses, once, under the supernet's names.
  TensorSet used;
  for (const auto& path : paths) used.merge(path_tensors(supernet, path, false));
  torch::jit::Module out("__torch__.prpnas.Bundle");
  for (const auto& p : module.named_parameters()) {
    if (used.count(p.value().unsafeGetTensorImpl())) out.register_parameter(attribute_name(p.key()), p.value(), false);
  }
  // Per path, its statistics as pK_<name>: the supernet's own buffers while
  // its path is traced, then replaced by copies before the next path's
  // recalibration changes them.
  for (std::size_t k = 0; k < paths.size(); ++k) {
    with_statistics(paths[k], [&] {
      module.eval();
      const TensorSet mine = path_tensors(supernet, paths[k], true);
      std::vector<std::pair<std::string, torch::Tensor>> buffers;
      for (const auto& b : module.named_buffers()) {
        if (!mine.count(b.value().unsafeGetTensorImpl())) continue;
        buffers.emplace_back(fmt::format("p{}_{}", k, attribute_name(b.key())), b.value());
        out.register_parameter(buffers.back().first, b.value(), /*is_buffer=*/true);
      }
      add_traced_method(
          out, fmt::format("forward_{}", k), [&](const torch::Tensor& x) { return supernet.forward(x, paths[k]); },
          example);
      for (const auto& [name, tensor] : buffers) out.setattr(name, tensor.clone());
    });
  }
  module.train(was_training);
  out.define(dispatcher(paths.size()));
  return out.clone();  // deep copies of the shared weights
}

}  // namespace prpnas::deploy
