#include "prpnas/train/supernet_steps.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include <fmt/core.h>

#include "prpnas/dist/parameter_sync.h"
#include "prpnas/dist/process_group.h"
#include "prpnas/util/error.h"

namespace prpnas::train {

namespace {

// The alive choices of each decision, checked non-empty.
std::vector<std::vector<int>> alive_choices(const space::ChoiceMask& alive) {
  std::vector<std::vector<int>> out(alive.size());
  for (std::size_t d = 0; d < alive.size(); ++d) {
    for (std::size_t c = 0; c < alive[d].size(); ++c) {
      if (alive[d][c]) out[d].push_back(static_cast<int>(c));
    }
    if (out[d].empty()) {
      throw Error(fmt::format("choice mask: decision {} has no alive choice; pruning must keep one", d));
    }
  }
  return out;
}

// Uniform in [0, n): plain modulo, the same on every standard library.
std::size_t uniform_index(std::size_t n, std::mt19937_64& rng) { return static_cast<std::size_t>(rng() % n); }

// Fisher-Yates, last position first.
void shuffle(std::vector<int>& values, std::mt19937_64& rng) {
  for (std::size_t i = values.size(); i > 1; --i) std::swap(values[i - 1], values[uniform_index(i, rng)]);
}

void check_optimizer(const nn::Supernet& supernet, const torch::optim::Optimizer& optimizer,
                     const char* step) {
  const torch::Tensor alpha_tensor = supernet.alpha();
  const auto* alpha = alpha_tensor.unsafeGetTensorImpl();
  for (const auto& group : optimizer.param_groups()) {
    for (const auto& p : group.params()) {
      if (p.unsafeGetTensorImpl() == alpha) {
        throw Error(fmt::format("{}: the optimizer holds alpha; build it over supernet.weights() only "
                                "(make_weight_optimizer)",
                                step));
      }
    }
  }
}

// Undefined, not zero: SGD and Adam skip a parameter without a gradient, so
// weight decay and momentum leave the ops no path of this step used alone.
void clear_gradients(torch::optim::Optimizer& optimizer) {
  for (auto& group : optimizer.param_groups()) {
    for (auto& p : group.params()) p.mutable_grad() = torch::Tensor();
  }
}

// Backward the mean cross-entropy of `logits`; returns it. Throws before
// backward when it is not finite, naming `what` ran.
double backward_loss(const torch::Tensor& logits, const Batch& batch, const std::string& what) {
  const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, batch.labels);
  const double value = loss.item<double>();
  if (!std::isfinite(value)) {
    throw Error(fmt::format("{} became {}; the weights were not updated (lower the learning rate, or check the "
                            "images for NaN)",
                            what, value));
  }
  loss.backward();
  return value;
}

// Forward and backward one path; returns its loss.
double forward_backward(nn::Supernet& supernet, const Batch& batch, const space::Architecture& path,
                        const char* step, std::size_t k, std::size_t m) {
  return backward_loss(supernet.forward(batch.images, path), batch,
                       fmt::format("{}: the loss of path {}/{} {}", step, k + 1, m, supernet.space().format(path)));
}

std::vector<torch::Tensor> copies(const std::vector<torch::Tensor>& tensors) {
  std::vector<torch::Tensor> out;
  for (const torch::Tensor& t : tensors) out.push_back(t.clone());
  return out;
}

// In a distributed run, the paths are dealt round-robin to the ranks, each
// on the whole batch; the gradients, BN statistics' moves and losses are
// then summed, so every rank steps alike, as one process would (up to the
// order of floating-point sums). A single path runs on every rank.
StepResult run_paths(nn::Supernet& supernet, torch::optim::Optimizer& optimizer, const Batch& batch,
                     std::vector<space::Architecture> paths, const char* step) {
  check_optimizer(supernet, optimizer, step);
  supernet.module().train();
  clear_gradients(optimizer);
  dist::ProcessGroup& group = dist::world();
  const bool split = group.distributed() && paths.size() > 1;
  const std::vector<torch::Tensor> buffers = supernet.module().buffers();
  const std::vector<torch::Tensor> before = split ? copies(buffers) : std::vector<torch::Tensor>{};
  StepResult result;
  result.paths = std::move(paths);
  const std::size_t m = result.paths.size();
  result.losses.assign(m, 0.0);
  for (std::size_t k = 0; k < m; ++k) {
    if (split && static_cast<int>(k % static_cast<std::size_t>(group.size())) != group.rank()) continue;
    result.losses[k] = forward_backward(supernet, batch, result.paths[k], step, k, m);
  }
  if (split) {
    dist::sum_gradients(group, supernet.weights());
    dist::sum_buffer_updates(group, buffers, before);
    torch::Tensor losses = torch::tensor(result.losses, torch::kFloat64);
    group.sum(losses, "the path losses");  // each is one rank's, the rest 0
    result.losses.assign(losses.data_ptr<double>(), losses.data_ptr<double>() + m);
  }
  optimizer.step();
  return result;
}

}  // namespace

double StepResult::mean_loss() const {
  double sum = 0;
  for (double l : losses) sum += l;
  return losses.empty() ? 0 : sum / static_cast<double>(losses.size());
}

std::vector<space::Architecture> fair_paths(const space::ChoiceMask& alive, std::mt19937_64& rng,
                                            std::size_t count) {
  std::vector<std::vector<int>> permutations = alive_choices(alive);
  std::size_t m = 0;
  for (auto& p : permutations) {
    shuffle(p, rng);
    m = std::max(m, p.size());
  }
  if (count > 0) m = count;
  std::vector<space::Architecture> paths(m, space::Architecture(alive.size()));
  for (std::size_t k = 0; k < m; ++k) {
    for (std::size_t d = 0; d < alive.size(); ++d) paths[k][d] = permutations[d][k % permutations[d].size()];
  }
  return paths;
}

std::vector<space::Architecture> valid_fair_paths(const space::SearchSpace& space, const space::ChoiceMask& alive,
                                                  std::mt19937_64& rng) {
  constexpr int kTries = 1000;
  for (int t = 0; t < kTries; ++t) {
    std::vector<space::Architecture> paths = fair_paths(alive, rng, space::fairness_width(space, alive));
    if (std::all_of(paths.begin(), paths.end(), [&](const auto& p) { return space.is_valid(p); })) return paths;
  }
  throw Error(fmt::format("strict fairness: {} draws of fair paths over the alive choices of space '{}' all held "
                          "an invalid architecture; its validity rule leaves too few combinations alive",
                          kTries, space.name()));
}

StepResult fairness_step(nn::Supernet& supernet, torch::optim::Optimizer& optimizer, const Batch& batch,
                         const space::ChoiceMask& alive, std::mt19937_64& rng) {
  return run_paths(supernet, optimizer, batch, valid_fair_paths(supernet.space(), alive, rng), "fairness step");
}

StepResult single_path_step(nn::Supernet& supernet, torch::optim::Optimizer& optimizer, const Batch& batch,
                            const space::Architecture& path) {
  return run_paths(supernet, optimizer, batch, {path}, "single-path step");
}

space::ChoiceMask union_mask(const space::SearchSpace& space, const std::vector<space::Architecture>& paths) {
  space::ChoiceMask used = space.full_mask();
  for (auto& row : used) std::fill(row.begin(), row.end(), false);
  for (const space::Architecture& path : paths) {
    for (std::size_t d = 0; d < used.size(); ++d) used[d].at(path.at(d)) = true;
  }
  return used;
}

StepResult mixed_step(nn::Supernet& supernet, torch::optim::Optimizer& optimizer, const Batch& batch,
                      std::vector<space::Architecture> paths, const torch::Tensor& weights) {
  check_optimizer(supernet, optimizer, "mixed step");
  supernet.module().train();
  clear_gradients(optimizer);
  const space::ChoiceMask used = union_mask(supernet.space(), paths);
  StepResult result;
  result.losses.push_back(backward_loss(supernet.forward(batch.images, used, weights), batch,
                                        fmt::format("mixed step: the loss of {} paths", paths.size())));
  result.paths = std::move(paths);
  optimizer.step();
  return result;
}

torch::optim::SGD make_weight_optimizer(const nn::Supernet& supernet, const SgdOptions& options) {
  return torch::optim::SGD(supernet.weights(), nesterov_sgd(options));
}

}  // namespace prpnas::train
