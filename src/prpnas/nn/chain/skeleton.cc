#include "prpnas/nn/chain/skeleton.h"

#include <fmt/core.h>

#include "prpnas/nn/average_pool_3x3.h"
#include "prpnas/nn/supernet.h"
#include "prpnas/space/chain_space.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {
namespace {

namespace tnn = torch::nn;

tnn::AnyModule make_chain_op(const std::string& choice, int64_t channels) {
  if (choice == "conv3x3") return tnn::AnyModule(ReLUConvBN(ReLUConvBNOptions(channels, channels, 3)));
  if (choice == "conv5x5") return tnn::AnyModule(ReLUConvBN(ReLUConvBNOptions(channels, channels, 5)));
  if (choice == "skip") return tnn::AnyModule(tnn::Identity());
  if (choice == "avg_pool3x3") return tnn::AnyModule(AveragePool3x3());
  throw ConfigError("unknown chain operation '" + choice + "'");
}

void check_shape(const space::SearchSpace& space, std::size_t decisions, const char* what) {
  if (decisions != static_cast<std::size_t>(space.num_decisions())) {
    throw Error(fmt::format("chain network: a {} of {} layers, but the space has {}", what, decisions,
                            space.num_decisions()));
  }
}

}  // namespace

ChainSkeleton::ChainSkeleton(const ChainConfig& config, const space::ChoiceMask& ops) : config_(config) {
  config_.check();
  const space::ChainSpace space;
  check_shape(space, ops.size(), "choice mask");
  stem_ = register_module("stem", make_nb201_stem(config_.in_channels, config_.channels));
  ops_.resize(ops.size());
  for (std::size_t d = 0; d < ops.size(); ++d) {
    const auto& names = space.choices(static_cast<int>(d));
    ops_[d].resize(names.size());
    for (std::size_t c = 0; c < names.size() && c < ops[d].size(); ++c) {
      if (!ops[d][c]) continue;
      ops_[d][c] = make_chain_op(names[c], config_.channels);
      register_module(fmt::format("layer{}_{}", d + 1, names[c]), ops_[d][c].ptr());
    }
  }
  head_ = register_module("head", Nb201Head(config_.channels, config_.num_classes));
}

std::shared_ptr<torch::nn::Module> ChainSkeleton::op(int decision, int choice) const {
  const tnn::AnyModule& m = ops_.at(decision).at(choice);
  return m.is_empty() ? nullptr : m.ptr();
}

std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> ChainSkeleton::fixed_parts() const {
  return {{"stem", stem_.ptr()}, {"head", head_.ptr()}};
}

torch::Tensor ChainSkeleton::run(const torch::Tensor& x, const space::Architecture& path) {
  check_shape(space::ChainSpace(), path.size(), "path");
  std::vector<std::vector<int>> chosen;
  for (int c : path) chosen.push_back({c});
  return run_layers(x, chosen);
}

torch::Tensor ChainSkeleton::run(const torch::Tensor& x, const space::ChoiceMask& alive,
                                 const torch::Tensor& weights) {
  check_shape(space::ChainSpace(), alive.size(), "choice mask");
  check_mask_weights(weights, alive);
  std::vector<std::vector<int>> chosen(alive.size());
  for (std::size_t d = 0; d < alive.size(); ++d) {
    for (std::size_t c = 0; c < alive[d].size(); ++c) {
      if (alive[d][c]) chosen[d].push_back(static_cast<int>(c));
    }
    if (chosen[d].empty()) throw Error(fmt::format("chain choice mask: layer {} has no alive choice", d + 1));
  }
  return run_layers(x, chosen, weights);
}

torch::Tensor ChainSkeleton::run_layers(const torch::Tensor& x, const std::vector<std::vector<int>>& chosen,
                                        const torch::Tensor& weights) {
  torch::Tensor h = run_fixed_part(observer_, "stem", stem_, x);
  for (std::size_t d = 0; d < chosen.size(); ++d) {
    torch::Tensor sum;
    for (int c : chosen[d]) {
      if (c < 0 || c >= static_cast<int>(ops_[d].size()) || ops_[d][c].is_empty()) {
        throw Error(fmt::format("chain network: layer {} has no choice {} built", d + 1, c));
      }
      if (observer_ != nullptr) observer_->before_op(static_cast<int>(d), c, h);
      torch::Tensor out = ops_[d][c].forward(h);
      if (observer_ != nullptr) observer_->after_op(static_cast<int>(d), c, out);
      if (weights.defined()) out = out * weights[static_cast<int64_t>(d)][c];
      sum = sum.defined() ? sum + out : out;
    }
    h = sum;
  }
  return run_fixed_part(observer_, "head", head_, h);
}


}  // namespace prpnas::nn
