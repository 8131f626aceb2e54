#include "prpnas/nn/darts/supernet.h"

#include <utility>

#include "prpnas/nn/darts/network.h"

namespace prpnas::nn {

namespace {

using space::DartsSpace;

DartsCellOps darts_all_ops() {
  DartsCellOps ops{};
  for (auto& node : ops) {
    for (auto& edge : node) edge.fill(true);  // the cell reads only edges from j < node
  }
  return ops;
}

}  // namespace

DartsSupernetImpl::DartsSupernetImpl(const DartsConfig& config)
    : DartsSkeleton(config, darts_all_ops(), darts_all_ops()) {
  register_parameter("alpha", torch::zeros({space_.num_decisions(), space::widest_decision(space_)}));
}

torch::Tensor DartsSupernetImpl::forward(const torch::Tensor& x, const space::Architecture& path) {
  check_darts_path(path);
  return run(x, darts_path_run(path));
}

torch::Tensor DartsSupernetImpl::forward(const torch::Tensor& x, const space::ChoiceMask& alive) {
  return forward(x, alive, torch::Tensor());
}

torch::Tensor DartsSupernetImpl::forward(const torch::Tensor& x, const space::ChoiceMask& alive,
                                         const torch::Tensor& weights) {
  check_darts_mask(alive);
  check_mask_weights(weights, alive);
  DartsRun chosen(alive.size());
  for (std::size_t d = 0; d < alive.size(); ++d) {
    for (std::size_t c = 0; c < alive[d].size(); ++c) {
      if (alive[d][c]) chosen[d].push_back(static_cast<int>(c));
    }
  }
  return run(x, chosen, weights);
}

std::vector<std::shared_ptr<torch::nn::Module>> DartsSupernetImpl::path_modules(const space::Architecture& path) const {
  check_darts_path(path);
  std::vector<std::shared_ptr<torch::nn::Module>> out;
  for (auto& [name, module] : fixed_parts()) out.push_back(std::move(module));
  for (int i = 0; i < num_cells(); ++i) {
    const DartsCell& c = cell(i);
    const int type = c->reduction() ? 1 : 0;
    for (int node = 2; node <= 5; ++node) {
      const auto [a, b] =
          DartsSpace::input_pair(node, path[DartsSpace::decision_index(type, node, DartsSpace::Kind::kInputs)]);
      const int op_a = path[DartsSpace::decision_index(type, node, DartsSpace::Kind::kOpA)];
      const int op_b = path[DartsSpace::decision_index(type, node, DartsSpace::Kind::kOpB)];
      if (auto m = c->op(node, a, op_a)) out.push_back(std::move(m));
      if (auto m = c->op(node, b, op_b)) out.push_back(std::move(m));
    }
  }
  return out;
}

std::shared_ptr<Network> DartsSupernetImpl::standalone(const space::Architecture& arch) const {
  auto network = std::make_shared<DartsNetworkImpl>(config(), arch);
  network->copy_from(*this);
  return network;
}

}  // namespace prpnas::nn
