#include "prpnas/deploy/torchscript_export.h"

#include <algorithm>
#include <set>
#include <sstream>

#include <fmt/core.h>
#include <torch/csrc/jit/frontend/tracer.h>

#include "prpnas/nn/average_pool_3x3.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/error.h"

namespace prpnas::deploy {
namespace {

// The tracer records torch operators only: prpnas's own average-pooling
// kernel (nn/average_pool_3x3.h) is swapped for torch's, which computes the
// same numbers bit for bit, while tracing.
class TorchPoolingWhileTracing {
 public:
  TorchPoolingWhileTracing() { nn::use_torch_average_pool(true); }
  ~TorchPoolingWhileTracing() { nn::use_torch_average_pool(false); }
};

}  // namespace

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

  // The tensors the trace reads, as attributes of the new module; copies,
  // so that the export does not alias the network.
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

  std::shared_ptr<torch::jit::Graph> graph;
  {
    const TorchPoolingWhileTracing torch_pooling;
    torch::NoGradGuard no_grad;
    auto traced = torch::jit::tracer::trace(
        {example}, [&](torch::jit::Stack inputs) { return torch::jit::Stack{network.forward(inputs[0].toTensor())}; },
        [](const torch::autograd::Variable&) { return std::string(); }, /*strict=*/true, /*force_outplace=*/false,
        &out);
    graph = traced.first->graph;
  }
  module.train(was_training);
  auto* function = out._ivalue()->compilation_unit()->create_function(
      c10::QualifiedName(*out.type()->name(), "forward"), graph);
  out.type()->addMethod(function);
  return out.clone();  // detaches the attributes from the network's tensors
}

void save_torchscript(const torch::jit::Module& module, const std::string& path) {
  std::ostringstream bytes;
  module.save(bytes);
  write_file_atomically(path, bytes.str());
}

}  // namespace prpnas::deploy
