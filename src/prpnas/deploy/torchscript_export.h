// A stand-alone network as a TorchScript module: self-contained (code and
// weights in one file), loadable by torch::jit::load in C++ and torch.jit.load
// in Python, with no prpnas needed to run it.
//
// How: libtorch's own tracer (torch/csrc/jit/frontend/tracer.h, what
// torch.jit.trace calls underneath) records the network's eval-mode forward
// on an example batch, with the network's tensors registered as the module's
// attributes so that the graph reads them instead of baking constants. One
// function serves every search space, because it needs nothing but forward();
// generating TorchScript source instead would need an emitter per family
// that must be kept in step with its C++ forward. A stand-alone network has
// no data-dependent control flow, so a trace is exact (docs/DEPLOY.md).
#ifndef PRPNAS_DEPLOY_TORCHSCRIPT_EXPORT_H_
#define PRPNAS_DEPLOY_TORCHSCRIPT_EXPORT_H_

#include <string>

#include <torch/script.h>
#include <torch/torch.h>

#include "prpnas/nn/network.h"

namespace prpnas::deploy {

// The attribute name of a module path: "cells.0.conv.weight" -> "cells_0_conv_weight".
std::string attribute_name(const std::string& path);

// The module computing network.forward in eval mode, traced on `example`
// ([N, C, H, W]). Its tensors are copies: later training of `network` does
// not change it. Leaves `network` in the mode it was in.
torch::jit::Module export_torchscript(nn::Network& network, const torch::Tensor& example);

// Writes `module` to `path` atomically (a temporary file, then rename).
// Throws IoError naming the path.
void save_torchscript(const torch::jit::Module& module, const std::string& path);

}  // namespace prpnas::deploy

#endif  // PRPNAS_DEPLOY_TORCHSCRIPT_EXPORT_H_
