#include "prpnas/nn/darts/skeleton.h"

#include "prpnas/nn/nb201/ops.h"

namespace prpnas::nn {

DartsSkeleton::DartsSkeleton(const DartsConfig& config, const DartsCellOps& normal, const DartsCellOps& reduce)
    : config_(config) {
  config_.check();
  constexpr int64_t kMultiplier = 4;  // a cell concatenates its 4 intermediate nodes
  const int64_t stem_channels = static_cast<int64_t>(config_.stem_multiplier) * config_.channels;
  stem_ = register_module("stem", make_nb201_stem(config_.in_channels, stem_channels));
  int64_t c_prev_prev = stem_channels, c_prev = stem_channels, c = config_.channels;
  bool reduction_prev = false;
  auto cells = torch::nn::ModuleList();
  for (int i = 0; i < config_.layers; ++i) {
    const bool reduction = config_.is_reduction(i);
    if (reduction) c *= 2;
    cells_.push_back(DartsCell("cells." + std::to_string(i), c_prev_prev, c_prev, c, reduction, reduction_prev,
                               reduction ? reduce : normal));
    cells->push_back(cells_.back());
    reduction_prev = reduction;
    c_prev_prev = c_prev;
    c_prev = kMultiplier * c;
  }
  register_module("cells", cells);
  head_ = register_module("head", DartsHead(c_prev, config_.num_classes));
}

std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> DartsSkeleton::fixed_parts() const {
  std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> parts = {{"stem", stem_.ptr()}};
  for (const DartsCell& cell : cells_) {
    for (auto& part : cell->fixed_parts()) parts.push_back(std::move(part));
  }
  parts.emplace_back("head", head_.ptr());
  return parts;
}

torch::Tensor DartsSkeleton::run(const torch::Tensor& x, const DartsRun& run, const torch::Tensor& weights) {
  torch::Tensor s0 = run_fixed_part(observer_, "stem", stem_, x);
  torch::Tensor s1 = s0;
  for (DartsCell& cell : cells_) {
    torch::Tensor out = cell->forward(s0, s1, run, weights, observer_);
    s0 = std::move(s1);
    s1 = std::move(out);
  }
  return run_fixed_part(observer_, "head", head_, s1);
}

DartsRun darts_path_run(const space::Architecture& path) {
  DartsRun run;
  for (int c : path) run.push_back({c});
  return run;
}

}  // namespace prpnas::nn
