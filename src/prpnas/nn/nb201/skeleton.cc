#include "prpnas/nn/nb201/skeleton.h"

#include <type_traits>

namespace prpnas::nn {

Nb201Skeleton::Nb201Skeleton(const Nb201Config& config, const space::ChoiceMask& ops) : config_(config) {
  config_.check();
  const int64_t c = config_.channels, n = config_.cells_per_stage;
  stem_ = register_module("stem", make_nb201_stem(config_.in_channels, c));
  auto cells = torch::nn::ModuleList();
  for (int64_t stage_channels : {c, 2 * c, 4 * c}) {
    for (int64_t i = 0; i < n; ++i) {
      cells_.push_back(Nb201Cell(stage_channels, ops));
      cells->push_back(cells_.back());
    }
  }
  register_module("cells", cells);
  reduction1_ = register_module("reduction1", ResNetBasicBlock(c, 2 * c));
  reduction2_ = register_module("reduction2", ResNetBasicBlock(2 * c, 4 * c));
  head_ = register_module("head", Nb201Head(4 * c, config_.num_classes));
}

std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> Nb201Skeleton::fixed_parts() const {
  return {{"stem", stem_.ptr()}, {"reduction1", reduction1_.ptr()}, {"reduction2", reduction2_.ptr()},
          {"head", head_.ptr()}};
}

torch::Tensor Nb201Skeleton::run(const torch::Tensor& x, const space::Architecture& path, ForwardMemo* memo) {
  return run_with(x, path, memo);
}

torch::Tensor Nb201Skeleton::run(const torch::Tensor& x, const space::ChoiceMask& alive,
                                 const torch::Tensor& weights) {
  return run_with(x, alive, nullptr, weights);
}

template <class Choice>
torch::Tensor Nb201Skeleton::run_with(const torch::Tensor& x, const Choice& choice, ForwardMemo* memo,
                                      const torch::Tensor& weights) {
  const int n = config_.cells_per_stage;
  torch::Tensor h = memo ? memo->recall({kNb201StemKey}, [&] { return run_fixed_part(observer_, "stem", stem_, x); })
                         : run_fixed_part(observer_, "stem", stem_, x);
  for (int i = 0; i < num_cells(); ++i) {
    if (i == n) h = run_fixed_part(observer_, "reduction1", reduction1_, h);
    if (i == 2 * n) h = run_fixed_part(observer_, "reduction2", reduction2_, h);
    if constexpr (std::is_same_v<Choice, space::Architecture>) {
      // Only the first cell's input is the same for every path.
      if (memo && i == 0) {
        h = cells_[i]->forward(h, choice, *memo, observer_);
        continue;
      }
      h = cells_[i]->forward(h, choice, observer_);
    } else {
      h = cells_[i]->forward(h, choice, weights, observer_);
    }
  }
  return run_fixed_part(observer_, "head", head_, h);
}

}  // namespace prpnas::nn
