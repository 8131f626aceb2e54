#include "prpnas/nn/mbconv/skeleton.h"

#include <fmt/core.h>

#include "prpnas/nn/supernet.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {

namespace tnn = torch::nn;

namespace {

// A 1x1 conv to the head width, global average pooling, MobileNetV3's
// feature mix (a 1x1 conv without BN, as a Linear without bias, and the
// activation) when it has one, the classifier.
struct MbConvHeadImpl : tnn::Module {
  MbConvHeadImpl(int64_t in_channels, const MbConvConfig& config, space::MbActivation activation)
      : conv(register_module("conv", conv_bn_act(in_channels, config.head_channels, 1, 1, activation))) {
    int64_t features = config.head_channels;
    if (config.feature_mix_channels > 0) {
      const auto linear = tnn::LinearOptions(features, config.feature_mix_channels).bias(false);
      feature_mix = register_module("feature_mix", tnn::Sequential(tnn::Linear(linear)));
      feature_mix->push_back(activation_module(activation));
      features = config.feature_mix_channels;
    }
    classifier = register_module("classifier", tnn::Linear(features, config.num_classes));
  }
  torch::Tensor forward(const torch::Tensor& x) {
    const torch::Tensor pooled = conv->forward(x).mean({2, 3});
    return classifier(feature_mix.is_empty() ? pooled : feature_mix->forward(pooled));
  }
  tnn::Sequential conv, feature_mix{nullptr};
  tnn::Linear classifier{nullptr};
};
TORCH_MODULE(MbConvHead);

}  // namespace

MbConvSkeleton::MbConvSkeleton(const MbConvConfig& config, const space::ChoiceMask& ops)
    : config_(config), space_(config.search_space()) {
  config_.check();
  if (ops.size() != static_cast<std::size_t>(space_.num_decisions())) {
    throw Error(fmt::format("{} network: a choice mask of {} layers, but the space has {}", space_.name(), ops.size(),
                            space_.num_decisions()));
  }
  const space::MbFamily& family = space_.family();
  int64_t size = conv_out_size(config_.image_size, config_.stem_stride);
  stem_ = register_module("stem", conv_bn_act(config_.in_channels, config_.stem_channels(), 3, config_.stem_stride,
                                              family.stem_activation));
  first_ = register_module("first_block", MbConvBlock(config_.stem_channels(), config_.first_block_channels(), 3, 1,
                                                      1, family.first_block_activation));
  first_shortcut_ = family.first_block_shortcut;
  int64_t channels = config_.first_block_channels();
  ops_.resize(ops.size());
  for (int d = 0; d < space_.num_decisions(); ++d) {
    const int stage = space_.stage_of(d);
    const space::MbStage& table = space_.stages()[stage];
    const bool first = space_.is_stage_first(d);
    const int64_t stride = first ? config_.stage_strides[stage] : 1;
    const int64_t out = config_.stage_channels(stage);
    layer_in_size_.push_back(size);
    layer_in_channels_.push_back(channels);
    const auto& names = space_.choices(d);
    ops_[d].resize(names.size(), MbConvBlock(nullptr));
    for (std::size_t c = 0; c < names.size() && c < ops[d].size(); ++c) {
      const int choice = static_cast<int>(c);
      if (!ops[d][c] || space_.is_skip(choice)) continue;
      ops_[d][c] = register_module(fmt::format("layer{}_{}", d + 1, names[c]),
                                   MbConvBlock(channels, out, space_.kernel(choice), space_.expansion(choice), stride,
                                               table.activation, table.se));
    }
    size = conv_out_size(size, stride);
    channels = out;
  }
  final_size_ = size;
  head_ = tnn::AnyModule(register_module("head", MbConvHead(channels, config_, family.head_activation)));
}

MbConvBlock MbConvSkeleton::op(int decision, int choice) const { return ops_.at(decision).at(choice); }

std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> MbConvSkeleton::fixed_parts() const {
  return {{"stem", stem_.ptr()}, {"first_block", first_.ptr()}, {"head", head_.ptr()}};
}

torch::Tensor MbConvSkeleton::run(const torch::Tensor& x, const space::Architecture& path) {
  space_.check(path);
  std::vector<std::vector<int>> chosen;
  for (int c : path) chosen.push_back({c});
  return run_layers(x, chosen, {});
}

torch::Tensor MbConvSkeleton::run(const torch::Tensor& x, const space::ChoiceMask& alive, const torch::Tensor& weights) {
  if (alive.size() != static_cast<std::size_t>(space_.num_decisions())) {
    throw Error(fmt::format("{} network: a choice mask of {} layers, but the space has {}", space_.name(),
                            alive.size(), space_.num_decisions()));
  }
  check_mask_weights(weights, alive);
  std::vector<std::vector<int>> chosen(alive.size());
  for (std::size_t d = 0; d < alive.size(); ++d) {
    for (std::size_t c = 0; c < alive[d].size(); ++c) {
      if (alive[d][c]) chosen[d].push_back(static_cast<int>(c));
    }
    if (chosen[d].empty()) {
      throw Error(fmt::format("{} choice mask: {} has no alive choice", space_.name(),
                              space_.decision_name(static_cast<int>(d))));
    }
  }
  return run_layers(x, chosen, weights);
}

torch::Tensor MbConvSkeleton::run_layers(const torch::Tensor& x, const std::vector<std::vector<int>>& chosen,
                                         const torch::Tensor& weights) {
  torch::Tensor h = run_fixed_part(observer_, "stem", stem_, x);
  const torch::Tensor first = run_fixed_part(observer_, "first_block", first_, h);
  h = first_shortcut_ ? first + h : first;
  for (std::size_t d = 0; d < chosen.size(); ++d) {
    const int layer = static_cast<int>(d);
    torch::Tensor sum;
    for (int c : chosen[d]) {
      if (observer_ != nullptr) observer_->before_op(layer, c, h);
      if (space_.is_skip(c)) {  // the zero block: the shortcut alone
        if (observer_ != nullptr) observer_->after_op(layer, c, h);
        continue;
      }
      if (c < 0 || c >= static_cast<int>(ops_[d].size()) || ops_[d][c].is_empty()) {
        throw Error(fmt::format("{} network: {} has no choice {} built", space_.name(), space_.decision_name(layer), c));
      }
      torch::Tensor out = ops_[d][c]->forward(h);
      if (observer_ != nullptr) observer_->after_op(layer, c, out);
      if (weights.defined()) out = out * weights[layer][c];
      sum = sum.defined() ? sum + out : out;
    }
    if (!space_.is_stage_first(layer)) sum = sum.defined() ? sum + h : h;
    h = sum;
  }
  return run_fixed_part(observer_, "head", head_, h);
}

}  // namespace prpnas::nn
