#include "prpnas/train/supernet_run.h"

#include <algorithm>

#include <fmt/core.h>

#include "prpnas/train/methods/training_method.h"
#include "prpnas/train/supernet_steps.h"

namespace prpnas::train {
namespace {

// Seeded on the CPU (the same weights on every device), then moved, before
// any optimiser holds its parameters.
std::shared_ptr<nn::Supernet> seeded_supernet(const nn::NetworkSpec& spec, uint64_t seed, torch::Device device) {
  torch::manual_seed(seed);
  std::shared_ptr<nn::Supernet> supernet = nn::make_supernet(spec);
  supernet->module().to(device);
  return supernet;
}

}  // namespace

SupernetRun::SupernetRun(const data::DatasetSplits& data, const TrainingInputs& inputs,
                         const TrainingOptions& options, const TrainingMethod& method, RunLayout layout,
                         std::FILE* progress)
    : inputs(inputs),
      options(options),
      method(method),
      layout(std::move(layout)),
      progress(progress),
      objectives(inputs.costs),
      supernet(seeded_supernet(inputs.network, options.seed, options.device)),
      space(supernet->space()),
      plan(method.plan(options, space::fairness_width(space))),
      sgd(make_weight_optimizer(*supernet, options.sgd)),
      alpha(supernet->alpha(), options.alpha),
      stream(data, options.batch_size, options.seed, options.device),
      evaluator(supernet, data, options.evaluation),
      state(RunState::start(space, options.seed)) {}

void SupernetRun::say(const std::string& line) const {
  if (progress) fmt::print(progress, "{}\n", line);
}

void SupernetRun::resume_clock(double seconds_before) {
  seconds_before_ = seconds_before;
  started_ = std::chrono::steady_clock::now();
}

double SupernetRun::seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int SupernetRun::alive_count() const {
  int n = 0;
  for (const auto& row : state.alive) n += static_cast<int>(std::count(row.begin(), row.end(), true));
  return n;
}

bool SupernetRun::in_step2() const { return method.trains_alpha() && state.step >= plan.fairness_steps; }

std::vector<double> SupernetRun::accuracies(const std::vector<space::Architecture>& archs) {
  std::vector<space::Architecture> missing;
  for (const auto& arch : archs) {
    if (!accuracy_cache_.count(arch)) missing.push_back(arch);
  }
  const std::vector<double> fresh = evaluator.accuracies(missing, missing.empty() ? nullptr : progress);
  for (std::size_t i = 0; i < missing.size(); ++i) accuracy_cache_[missing[i]] = fresh[i];
  std::vector<double> out;
  for (const auto& arch : archs) out.push_back(accuracy_cache_.at(arch));
  return out;
}

pareto::Points SupernetRun::estimate(const std::vector<space::Architecture>& archs, std::vector<double>& accuracy) {
  accuracy = accuracies(archs);
  return objectives.points(accuracy, archs);
}

std::vector<torch::Tensor> SupernetRun::synchronized_tensors() const {
  std::vector<torch::Tensor> out = supernet->module().parameters();  // alpha is one
  for (const torch::Tensor& b : supernet->module().buffers()) out.push_back(b);
  return out;
}

void SupernetRun::set_pool(ScoredArchitectures pool) {
  state.pool = std::move(pool);
  pool_points = objectives.points(state.pool.accuracy, state.pool.archs);
}

}  // namespace prpnas::train
