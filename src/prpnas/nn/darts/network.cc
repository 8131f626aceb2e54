#include "prpnas/nn/darts/network.h"

#include "prpnas/util/error.h"

namespace prpnas::nn {

DartsCellOps darts_chosen_ops(const space::Architecture& arch, int cell) {
  using space::DartsSpace;
  check_darts_path(arch);
  DartsCellOps ops{};
  for (int node = 2; node <= 5; ++node) {
    const auto [a, b] =
        DartsSpace::input_pair(node, arch[DartsSpace::decision_index(cell, node, DartsSpace::Kind::kInputs)]);
    ops[node - 2][a][arch[DartsSpace::decision_index(cell, node, DartsSpace::Kind::kOpA)]] = true;
    ops[node - 2][b][arch[DartsSpace::decision_index(cell, node, DartsSpace::Kind::kOpB)]] = true;
  }
  return ops;
}

DartsNetworkImpl::DartsNetworkImpl(const DartsConfig& config, const space::Architecture& arch)
    : DartsSkeleton(config, darts_chosen_ops(arch, 0), darts_chosen_ops(arch, 1)), arch_(arch) {}

torch::Tensor DartsNetworkImpl::forward(const torch::Tensor& x) { return run(x, darts_path_run(arch_)); }

void DartsNetworkImpl::copy_from(const DartsSupernetImpl& supernet) {
  if (!(supernet.config() == config())) {
    throw Error("copying DARTS weights: the supernet and the network were built with different configs");
  }
  copy_tensors_by_name(supernet, *this);
}

}  // namespace prpnas::nn
