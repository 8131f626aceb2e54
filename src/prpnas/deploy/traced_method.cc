#include "prpnas/deploy/traced_method.h"

#include <fmt/core.h>
#include <torch/csrc/jit/frontend/tracer.h>

#include "prpnas/nn/average_pool_3x3.h"
#include "prpnas/util/error.h"

namespace prpnas::deploy {
namespace {

class TorchPoolingWhileTracing {
 public:
  TorchPoolingWhileTracing() { nn::use_torch_average_pool(true); }
  ~TorchPoolingWhileTracing() { nn::use_torch_average_pool(false); }
};

}  // namespace

void add_traced_method(torch::jit::Module& module, const std::string& name,
                       const std::function<torch::Tensor(const torch::Tensor&)>& forward, const torch::Tensor& example) {
  std::shared_ptr<torch::jit::Graph> graph;
  {
    const TorchPoolingWhileTracing torch_pooling;
    torch::NoGradGuard no_grad;
    auto traced = torch::jit::tracer::trace(
        {example}, [&](torch::jit::Stack inputs) { return torch::jit::Stack{forward(inputs[0].toTensor())}; },
        [](const torch::autograd::Variable&) { return std::string(); }, /*strict=*/true, /*force_outplace=*/false,
        &module);
    graph = traced.first->graph;
  }
  for (const torch::jit::Node* node : graph->nodes()) {
    if (node->kind() == c10::prim::Constant && node->output()->type()->kind() == c10::TypeKind::TensorType) {
      throw Error(fmt::format("export: method {} reads a tensor that is not one of the module's weights; it would be "
                              "frozen into the file",
                              name));
    }
  }
  auto* function =
      module._ivalue()->compilation_unit()->create_function(c10::QualifiedName(*module.type()->name(), name), graph);
  module.type()->addMethod(function);
}

}  // namespace prpnas::deploy
