#include "prpnas/nn/supernet.h"

#include <algorithm>
#include <string>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "prpnas/util/error.h"

namespace prpnas::nn {
namespace {

void copy_matching(const torch::OrderedDict<std::string, torch::Tensor>& from,
                   torch::OrderedDict<std::string, torch::Tensor>& to) {
  for (auto& item : to) {
    const torch::Tensor* source = from.find(item.key());
    if (source == nullptr || !source->sizes().equals(item.value().sizes())) {
      throw Error("copying supernet weights: the supernet has no tensor '" + item.key() + "' of the network's shape");
    }
    item.value().copy_(*source);
  }
}

}  // namespace

// Registered on the root module: no walk of the whole tree (check_optimizer asks every step).
torch::Tensor Supernet::alpha() const { return module().named_parameters(/*recurse=*/false)["alpha"]; }

std::vector<torch::Tensor> Supernet::weights() const {
  std::vector<torch::Tensor> weights;
  for (const auto& p : module().named_parameters()) {
    if (p.key() != "alpha") weights.push_back(p.value());
  }
  return weights;
}

void copy_tensors_by_name(const torch::nn::Module& from, torch::nn::Module& to) {
  torch::NoGradGuard no_grad;
  auto parameters = to.named_parameters();
  copy_matching(from.named_parameters(), parameters);
  auto buffers = to.named_buffers();
  copy_matching(from.named_buffers(), buffers);
}

void check_mask_weights(const torch::Tensor& weights, const space::ChoiceMask& mask) {
  if (!weights.defined()) return;
  std::size_t widest = 0;
  for (const auto& row : mask) widest = std::max(widest, row.size());
  if (weights.dim() != 2 || !weights.is_floating_point() || weights.size(0) != static_cast<int64_t>(mask.size()) ||
      weights.size(1) != static_cast<int64_t>(widest)) {
    throw Error(fmt::format("supernet: the choice weights are [{}]{}; they need to be floating [{} x {}], a row "
                            "per decision and a column per choice",
                            fmt::join(weights.sizes().vec(), " x "), weights.is_floating_point() ? "" : " integers",
                            mask.size(), widest));
  }
  if (!torch::isfinite(weights).all().item<bool>()) {
    throw Error("supernet: the choice weights hold NaN or infinity");
  }
}

}  // namespace prpnas::nn
