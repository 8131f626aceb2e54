// One method of a TorchScript module, recorded by libtorch's tracer
// (torch/csrc/jit/frontend/tracer.h, what torch.jit.trace calls
// underneath): the shared step of torchscript_export.h and bundle_export.h.
#ifndef PRPNAS_DEPLOY_TRACED_METHOD_H_
#define PRPNAS_DEPLOY_TRACED_METHOD_H_

#include <functional>
#include <string>

#include <torch/script.h>
#include <torch/torch.h>

namespace prpnas::deploy {

// Traces `forward` on `example` and adds it to `module` as method `name`.
// Every tensor `forward` reads must be an attribute of `module` (the very
// tensor object): the graph then reads the attribute. A tensor that is not
// would be baked into the graph as a constant; that throws prpnas::Error.
// prpnas's own average-pooling kernel is swapped for torch's (the same
// numbers, bit for bit) while tracing, since the tracer records torch
// operators only.
void add_traced_method(torch::jit::Module& module, const std::string& name,
                       const std::function<torch::Tensor(const torch::Tensor&)>& forward, const torch::Tensor& example);

}  // namespace prpnas::deploy

#endif  // PRPNAS_DEPLOY_TRACED_METHOD_H_
