#include "prpnas/train/classifier_trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include <fmt/core.h>

#include "prpnas/train/batches.h"
#include "prpnas/train/sgd.h"
#include "prpnas/util/error.h"
#include "prpnas/util/interruption.h"
#include "prpnas/util/progress.h"

namespace prpnas::train {

double accuracy(torch::nn::Module& model, const Forward& forward, const data::ImageSet& set,
                const data::DatasetSplits& data, int64_t batch_size) {
  if (set.size() == 0) return std::numeric_limits<double>::quiet_NaN();
  const std::vector<torch::Tensor> parameters = model.parameters();
  const torch::Device device = parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
  const bool was_training = model.is_training();
  model.eval();
  torch::NoGradGuard no_grad;
  int64_t correct = 0;
  for (int64_t begin = 0; begin < set.size(); begin += batch_size) {
    const int64_t end = std::min(set.size(), begin + batch_size);
    const torch::Tensor logits = forward(data::normalize(set.images.slice(0, begin, end), data).to(device));
    correct += logits.argmax(1).eq(set.labels.slice(0, begin, end).to(device)).sum().item<int64_t>();
  }
  model.train(was_training);
  return 100.0 * static_cast<double>(correct) / static_cast<double>(set.size());
}

TrainResult train_classifier(torch::nn::Module& model, const Forward& forward,
                             const data::DatasetSplits& data, const TrainOptions& options) {
  const int64_t n = data.train.size();
  if (n == 0) throw Error(options.label + ": the training split is empty");
  const int64_t steps_per_epoch = (n + options.batch_size - 1) / options.batch_size;
  const int64_t total_steps = steps_per_epoch * options.epochs;

  model.to(options.device);  // before the optimiser holds its parameters
  torch::optim::SGD optimizer(model.parameters(),
                              nesterov_sgd({options.learning_rate, options.momentum, options.weight_decay}));
  std::mt19937_64 rng(options.seed);
  Progress progress(options.label, n * options.epochs, "img",
                    options.show_progress ? stderr : nullptr);
  TrainResult result;
  model.train();
  int64_t step = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    const torch::Tensor order = shuffled_indices(n, rng);
    double loss_sum = 0;
    int64_t correct = 0;
    for (int64_t begin = 0; begin < n; begin += options.batch_size, ++step) {
      if (const int signal = stop_signal()) {
        throw Interrupted(signal, fmt::format("{}: stopped by {} at epoch {} step {}; its training is lost, "
                                              "what was written before stays",
                                              options.label, signal_name(signal), epoch + 1, step + 1));
      }
      set_learning_rate(optimizer, cosine_learning_rate(options.learning_rate, step, total_steps));
      const torch::Tensor index = order.slice(0, begin, std::min(n, begin + options.batch_size));
      const auto [images, labels] = make_batch(data.train, index, data, options.device);
      optimizer.zero_grad();
      const torch::Tensor logits = forward(images);
      const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, labels);
      const double loss_value = loss.item<double>();
      if (!std::isfinite(loss_value)) {
        throw Error(fmt::format("{}: the loss became {} at epoch {} step {}; lower the learning rate "
                                "(now {})",
                                options.label, loss_value, epoch + 1, step + 1, options.learning_rate));
      }
      loss.backward();
      optimizer.step();

      loss_sum += loss_value * static_cast<double>(index.size(0));
      correct += logits.argmax(1).eq(labels).sum().item<int64_t>();
      result.images += index.size(0);
      progress.update(result.images, fmt::format("epoch {}/{} loss {:.3f}", epoch + 1, options.epochs,
                                                 loss_sum / static_cast<double>(begin + index.size(0))));
    }
    result.train_loss = loss_sum / static_cast<double>(n);
    result.train_accuracy = 100.0 * static_cast<double>(correct) / static_cast<double>(n);
  }
  result.train_seconds = progress.seconds();
  result.images_per_second = static_cast<double>(result.images) / result.train_seconds;
  progress.finish(fmt::format("loss {:.3f}", result.train_loss));
  result.valid_accuracy = accuracy(model, forward, data.valid, data);
  result.test_accuracy = accuracy(model, forward, data.test, data);
  return result;
}

}  // namespace prpnas::train
