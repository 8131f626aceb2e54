#include "prpnas/deploy/torchscript_export.h"

#include <algorithm>
#include <set>
#include <sstream>

#include <fmt/core.h>

#include "prpnas/deploy/traced_method.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/error.h"

namespace prpnas::deploy {

std::string attribute_name(const std::string& path) {
  std::string name = path;
  std::replace(name.begin(), name.end(), '.', '_');
  return name;
}

torch::jit::Module export_torchscript(nn::Network& network, const torch::Tensor& example) {
  torch::nn::Module& module = network.module();
  const bool was_training = module.is_training();
  module.eval();
  network.set_observer(nullptr);

  // The network's own tensors as the module's attributes, for the trace to
  // read; cloned at the end, so that the export does not alias the network.
  torch::jit::Module out("__torch__.prpnas.Network");
  std::set<std::string> names;
  auto add = [&](const std::string& path, const torch::Tensor& tensor, bool is_buffer) {
    const std::string name = attribute_name(path);
    if (!names.insert(name).second) {
      throw Error(fmt::format("export: two tensors of the network map to the attribute name '{}'", name));
    }
    out.register_parameter(name, tensor, is_buffer);
  };
  for (const auto& p : module.named_parameters()) add(p.key(), p.value(), false);
  for (const auto& b : module.named_buffers()) add(b.key(), b.value(), true);
  add_traced_method(out, "forward", [&](const torch::Tensor& x) { return network.forward(x); }, example);
  module.train(was_training);
  return out.clone();  // deep copies of the tensors
}

void save_torchscript(const torch::jit::Module& module, const std::string& path) {
  std::ostringstream bytes;
  module.save(bytes);
  write_file_atomically(path, bytes.str());
}

}  // namespace prpnas::deploy
