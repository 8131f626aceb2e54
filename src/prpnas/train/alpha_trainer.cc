#include "prpnas/train/alpha_trainer.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "prpnas/space/choice_mask.h"
#include "prpnas/train/alpha_matrix.h"
#include "prpnas/train/bundle_tensors.h"
#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

const AlphaTrainerOptions& checked(const AlphaTrainerOptions& options) {
  options.check();
  return options;
}

torch::Tensor trainable(torch::Tensor alpha) {
  if (!alpha.defined() || alpha.dim() != 2 || !alpha.is_floating_point() || alpha.size(0) < 1 ||
      alpha.size(1) < 1) {
    throw Error("alpha trainer: alpha must be a non-empty 2-D floating tensor [decisions x choices]");
  }
  if (!alpha.requires_grad()) alpha.requires_grad_(true);
  return alpha;
}

torch::Tensor zeros_for(const space::SearchSpace& space, torch::Dtype dtype) {
  std::size_t widest = 0;
  for (int d = 0; d < space.num_decisions(); ++d) widest = std::max(widest, space.choices(d).size());
  return torch::zeros({space.num_decisions(), static_cast<int64_t>(widest)}, torch::TensorOptions().dtype(dtype));
}

void check_positive(double value, const char* field) {
  if (!std::isfinite(value) || value <= 0) {
    throw ConfigError(fmt::format("alpha trainer option {} = {} must be a finite number > 0", field, value));
  }
}

void check_non_negative(double value, const char* field) {
  if (!std::isfinite(value) || value < 0) {
    throw ConfigError(fmt::format("alpha trainer option {} = {} must be a finite number >= 0", field, value));
  }
}

}  // namespace

void AlphaTrainerOptions::check() const {
  if (samples < 1) throw ConfigError(fmt::format("alpha trainer option samples = {} must be >= 1", samples));
  if (top_n < 1 || top_n > samples) {
    throw ConfigError(fmt::format("alpha trainer option top_n = {} must be in 1..samples ({})", top_n, samples));
  }
  check_non_negative(margin, "margin");
  check_non_negative(hinge_weight, "hinge_weight");
  check_non_negative(listnet_weight, "listnet_weight");
  if (hinge_weight == 0 && listnet_weight == 0) {
    throw ConfigError("alpha trainer options hinge_weight and listnet_weight are both 0; nothing would train alpha");
  }
  check_positive(learning_rate, "learning_rate");
  check_positive(temperature, "temperature");
}

AlphaTrainer::AlphaTrainer(const space::SearchSpace& space, const AlphaTrainerOptions& options, torch::Dtype dtype)
    : AlphaTrainer(zeros_for(space, dtype), options) {}

AlphaTrainer::AlphaTrainer(torch::Tensor alpha, const AlphaTrainerOptions& options)
    : options_(checked(options)),
      alpha_(trainable(std::move(alpha))),
      optimizer_(std::vector<torch::Tensor>{alpha_}, torch::optim::AdamOptions(options.learning_rate)) {}

AlphaStepResult AlphaTrainer::step(const std::vector<space::Architecture>& sampled,
                                   const std::vector<int>& true_ranks, const space::ChoiceMask& alive) {
  const int64_t step = steps_ + 1;
  // Dead entries: false in the mask, or past a (ragged) row of it.
  const int64_t rows = alpha_.size(0), columns = alpha_.size(1);
  if (static_cast<int64_t>(alive.size()) != rows) {
    throw Error(fmt::format("alpha trainer: choice mask has {} rows but alpha has {} decisions", alive.size(), rows));
  }
  std::vector<uint8_t> dead_flags(rows * columns, 1);
  for (int64_t d = 0; d < rows; ++d) {
    for (int64_t c = 0; c < std::min<int64_t>(columns, alive[d].size()); ++c) {
      if (alive[d][c]) dead_flags[d * columns + c] = 0;
    }
  }
  for (std::size_t s = 0; s < sampled.size(); ++s) {
    if (!space::uses_only_alive(alive, sampled[s])) {
      throw Error(fmt::format("alpha trainer: sampled architecture {} uses a dead or out-of-range choice; "
                              "sample among alive choices only (space::sample_alive)", s));
    }
  }
  const torch::Tensor dead =
      torch::tensor(dead_flags, torch::kUInt8).to(alpha_.device(), torch::kBool).view({rows, columns});

  optimizer_.zero_grad();
  HingeLoss hinge = pareto_hinge_loss(alpha_, sampled, true_ranks, alive, options_.top_n, options_.margin);
  const torch::Tensor listnet = listnet_loss(alpha_, sampled, true_ranks, options_.temperature);
  const torch::Tensor total = options_.hinge_weight * hinge.loss + options_.listnet_weight * listnet;

  AlphaStepResult result;
  result.step = step;
  result.hinge = hinge.loss.item<double>();
  result.listnet = listnet.item<double>();
  result.total = total.item<double>();
  if (!std::isfinite(result.total)) {
    throw Error(fmt::format("alpha loss became {} at step {} (hinge {}, listnet {}); lower alpha's learning rate "
                            "(now {})",
                            std::isnan(result.total) ? "NaN" : "infinite", step, result.hinge, result.listnet,
                            options_.learning_rate));
  }
  total.backward();
  const torch::Tensor grad = alpha_.grad();
  if (!torch::isfinite(grad).all().item<bool>()) {
    optimizer_.zero_grad();
    throw Error(fmt::format("alpha gradient became NaN or infinite at step {} (loss {}); lower alpha's learning "
                            "rate (now {})",
                            step, result.total, options_.learning_rate));
  }
  {
    torch::NoGradGuard no_grad;
    grad.masked_fill_(dead, 0);
    const torch::Tensor before = alpha_.detach().clone();
    optimizer_.step();
    // Adam's momentum moves entries whose gradient is now 0; dead ones stay put.
    alpha_.copy_(torch::where(dead, before, alpha_));
  }
  optimizer_.zero_grad();
  steps_ = step;
  result.predicted_counts = std::move(hinge.predicted_counts);
  result.true_counts = std::move(hinge.true_counts);
  return result;
}

std::vector<double> AlphaTrainer::predicted_scores(const std::vector<space::Architecture>& archs) const {
  const std::vector<std::vector<double>> values = alpha_values();
  std::vector<double> scores(archs.size(), 0.0);
  for (std::size_t s = 0; s < archs.size(); ++s) {
    if (archs[s].size() != values.size()) {
      throw Error(fmt::format("alpha trainer: architecture {} has {} choices but alpha has {} decisions", s,
                              archs[s].size(), values.size()));
    }
    for (std::size_t d = 0; d < values.size(); ++d) {
      const int c = archs[s][d];
      if (c < 0 || c >= static_cast<int>(values[d].size())) {
        throw Error(fmt::format("alpha trainer: architecture {} picks choice {} at decision {} but alpha has {} "
                                "choices",
                                s, c, d, values[d].size()));
      }
      scores[s] += values[d][c];
    }
  }
  return scores;
}

std::vector<std::vector<double>> AlphaTrainer::alpha_values() const { return alpha_matrix(alpha_); }

namespace {

// Adam keeps its state per parameter, under the parameter's address, and
// only once it has stepped.
std::string adam_key(const torch::Tensor& parameter) { return c10::guts::to_string(parameter.unsafeGetTensorImpl()); }

}  // namespace

void AlphaTrainer::save(TensorBundle& bundle) const {
  put_tensor(bundle, "alpha.alpha", alpha_);
  bundle.meta["alpha"] = {{"steps", steps_}};
  const auto state = optimizer_.state().find(adam_key(alpha_));
  if (state == optimizer_.state().end()) return;
  const auto& adam = static_cast<const torch::optim::AdamParamState&>(*state->second);
  bundle.meta["alpha"]["adam_step"] = adam.step();
  put_tensor(bundle, "alpha.adam.exp_avg", adam.exp_avg());
  put_tensor(bundle, "alpha.adam.exp_avg_sq", adam.exp_avg_sq());
}

void AlphaTrainer::load(const TensorBundle& bundle, const std::string& source) {
  const torch::Tensor alpha = take_tensor(bundle, "alpha.alpha", source);
  if (alpha.sizes() != alpha_.sizes()) {
    throw Error(fmt::format("alpha trainer: the saved alpha is {} but this one is {}", fmt::join(alpha.sizes(), "x"),
                            fmt::join(alpha_.sizes(), "x")));
  }
  const int64_t steps = bundle.meta.at("alpha").at("steps").get<int64_t>();
  optimizer_.state().erase(adam_key(alpha_));
  if (bundle.meta.at("alpha").contains("adam_step")) {
    auto adam = std::make_unique<torch::optim::AdamParamState>();
    adam->step(bundle.meta["alpha"]["adam_step"].get<int64_t>());
    adam->exp_avg(take_tensor(bundle, "alpha.adam.exp_avg", source).to(alpha_.device()));
    adam->exp_avg_sq(take_tensor(bundle, "alpha.adam.exp_avg_sq", source).to(alpha_.device()));
    if (adam->exp_avg().sizes() != alpha_.sizes() || adam->exp_avg_sq().sizes() != alpha_.sizes()) {
      throw Error("alpha trainer: the saved Adam state does not match alpha's shape");
    }
    optimizer_.state()[adam_key(alpha_)] = std::move(adam);
  }
  torch::NoGradGuard no_grad;
  alpha_.copy_(alpha);
  steps_ = steps;
}

}  // namespace prpnas::train
