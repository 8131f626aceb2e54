#include "prpnas/hw/mlp_predictor.h"

#include <torch/torch.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "prpnas/hw/one_hot.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {

namespace {

constexpr int64_t kHidden = 64;
constexpr int kEpochs = 300;
constexpr double kLearningRate = 1e-2;

torch::Tensor feature_tensor(const space::SearchSpace& space, const std::vector<space::Architecture>& archs) {
  return torch::tensor(one_hot_rows(space, archs), torch::kFloat)
      .view({static_cast<int64_t>(archs.size()), one_hot_width(space)});
}

}  // namespace

struct MlpPredictor::Model {
  torch::nn::Sequential net;
  double mean = 0;    // of log cost
  double stddev = 1;  // of log cost; 1 when the costs are all equal
};

MlpPredictor::MlpPredictor(const space::SearchSpace& space, std::uint64_t seed) : CostPredictor(space, seed) {}
MlpPredictor::~MlpPredictor() = default;

void MlpPredictor::fit(const std::vector<space::Architecture>& archs, const std::vector<double>& y) {
  check_fit_inputs(archs, y);
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (y[i] <= 0) {
      throw Error("mlp predictor: cost[" + std::to_string(i) + "] is " + std::to_string(y[i]) +
                  "; it fits log costs, so every cost must be positive");
    }
  }
  model_.reset();
  auto model = std::make_unique<Model>();

  std::vector<double> log_y(y.size());
  for (std::size_t i = 0; i < y.size(); ++i) log_y[i] = std::log(y[i]);
  for (double v : log_y) model->mean += v / static_cast<double>(y.size());
  double variance = 0;
  for (double v : log_y) variance += (v - model->mean) * (v - model->mean) / static_cast<double>(y.size());
  model->stddev = variance > 0 ? std::sqrt(variance) : 1.0;
  const torch::Tensor target =
      ((torch::tensor(log_y, torch::kDouble) - model->mean) / model->stddev).to(torch::kFloat).view({-1, 1});
  const torch::Tensor x = feature_tensor(space(), archs);

  const int64_t width = one_hot_width(space());
  model->net = torch::nn::Sequential(torch::nn::Linear(width, kHidden), torch::nn::ReLU(),
                                     torch::nn::Linear(kHidden, kHidden), torch::nn::ReLU(),
                                     torch::nn::Linear(kHidden, 1));
  {
    // torch's default Linear initialisation, U(-1/sqrt(fan_in), 1/sqrt(fan_in))
    // for weights and biases, drawn from our own generator.
    torch::NoGradGuard no_grad;
    torch::Generator gen = at::detail::createCPUGenerator(seed());
    for (const auto& module : model->net->children()) {
      if (const auto* linear = module->as<torch::nn::Linear>()) {
        const double bound = 1 / std::sqrt(static_cast<double>(linear->options.in_features()));
        linear->weight.uniform_(-bound, bound, gen);
        linear->bias.uniform_(-bound, bound, gen);
      }
    }
  }

  torch::AutoGradMode grad(true);  // whatever the caller's mode
  model->net->train();
  torch::optim::Adam optimizer(model->net->parameters(), torch::optim::AdamOptions(kLearningRate));
  for (int epoch = 0; epoch < kEpochs; ++epoch) {
    optimizer.zero_grad();
    const torch::Tensor loss = torch::mse_loss(model->net->forward(x), target);
    if (!std::isfinite(loss.item<double>())) {
      throw Error("mlp predictor: the loss became " + std::to_string(loss.item<double>()) + " at epoch " +
                  std::to_string(epoch + 1) + "; check the costs for extreme values");
    }
    loss.backward();
    optimizer.step();
  }
  model->net->eval();
  model_ = std::move(model);
}

double MlpPredictor::predict(const space::Architecture& arch) const { return predict_all({arch}).front(); }

std::vector<double> MlpPredictor::predict_all(const std::vector<space::Architecture>& archs) const {
  check_fitted(model_ != nullptr);
  if (archs.empty()) return {};
  torch::NoGradGuard no_grad;
  const torch::Tensor z = model_->net->forward(feature_tensor(space(), archs)).to(torch::kDouble).view({-1});
  const torch::Tensor cost = torch::exp(z * model_->stddev + model_->mean).contiguous();
  return std::vector<double>(cost.data_ptr<double>(), cost.data_ptr<double>() + cost.numel());
}

}  // namespace prpnas::hw
