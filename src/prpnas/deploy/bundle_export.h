// Several architectures of one supernet as one TorchScript module whose
// weights they share: the supernet pruned to their paths (the paper's
// deployment, Section 5.4). Method forward_k(x) computes path k, and
// forward(x, k) dispatches. Each weight the paths use is stored once; BN
// statistics are per path (each path's, recalibrated as its accuracy
// estimate is), since a path's statistics are its own.
//
// How: the supernet's single-path forward is traced for each path with
// libtorch's tracer (as torchscript_export.h), against one module that holds
// the shared weights and the path's statistics as attributes.
#ifndef PRPNAS_DEPLOY_BUNDLE_EXPORT_H_
#define PRPNAS_DEPLOY_BUNDLE_EXPORT_H_

#include <functional>
#include <vector>

#include <torch/script.h>
#include <torch/torch.h>

#include "prpnas/nn/supernet.h"
#include "prpnas/space/search_space.h"

namespace prpnas::deploy {

// Runs its function while the supernet holds the statistics of the path
// (SupernetEvaluator::with_statistics_of).
using WithStatistics = std::function<void(const space::Architecture&, const std::function<void()>&)>;

// Throws prpnas::Error for no paths, or when a trace reads a tensor that is
// not one of the paths' weights (it would be baked in as a constant).
torch::jit::Module export_bundle(nn::Supernet& supernet, const std::vector<space::Architecture>& paths,
                                 const WithStatistics& with_statistics, const torch::Tensor& example);

}  // namespace prpnas::deploy

#endif  // PRPNAS_DEPLOY_BUNDLE_EXPORT_H_
