#include "prpnas/nn/nb201_network.h"

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

void copy_by_name(const torch::OrderedDict<std::string, torch::Tensor>& from,
                  torch::OrderedDict<std::string, torch::Tensor>& to) {
  for (auto& item : to) {
    const torch::Tensor* source = from.find(item.key());
    if (source == nullptr || !source->sizes().equals(item.value().sizes())) {
      throw Error("copying NB201 weights: the supernet has no tensor '" + item.key() + "' of the network's shape");
    }
    item.value().copy_(*source);
  }
}

}  // namespace

Nb201NetworkImpl::Nb201NetworkImpl(const Nb201Config& config, const space::Architecture& arch)
    : Nb201Skeleton(config, chosen_ops(arch)), arch_(arch) {}

torch::Tensor Nb201NetworkImpl::forward(const torch::Tensor& x) { return run(x, arch_); }

void Nb201NetworkImpl::copy_from(const Nb201SupernetImpl& supernet) {
  if (!(supernet.config() == config())) {
    throw Error("copying NB201 weights: the supernet and the network were built with different configs");
  }
  torch::NoGradGuard no_grad;
  auto parameters = named_parameters();
  copy_by_name(supernet.named_parameters(), parameters);
  auto buffers = named_buffers();
  copy_by_name(supernet.named_buffers(), buffers);
}

}  // namespace prpnas::nn
