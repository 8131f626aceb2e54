#include "prpnas/nn/nb201/network.h"

#include <string>

#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {

namespace {

// The chosen op of each edge; nothing for `none`, which only adds zeros.
space::ChoiceMask chosen_ops(const space::Architecture& arch) {
  check_nb201_path(arch);
  space::ChoiceMask ops(arch.size(), std::vector<bool>(kNb201NumChoices, false));
  for (std::size_t d = 0; d < arch.size(); ++d) ops[d][arch[d]] = arch[d] != space::Nb201Space::kNone;
  return ops;
}

}  // namespace

Nb201NetworkImpl::Nb201NetworkImpl(const Nb201Config& config, const space::Architecture& arch)
    : Nb201Skeleton(config, chosen_ops(arch)), arch_(arch) {}

torch::Tensor Nb201NetworkImpl::forward(const torch::Tensor& x) { return run(x, arch_); }

void Nb201NetworkImpl::copy_from(const Nb201SupernetImpl& supernet) {
  if (!(supernet.config() == config())) {
    throw Error("copying NB201 weights: the supernet and the network were built with different configs");
  }
  copy_tensors_by_name(supernet, *this);
}

}  // namespace prpnas::nn
