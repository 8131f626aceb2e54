// Trains an image classifier with SGD (Nesterov momentum, cosine schedule,
// weight decay), the recipe NAS-Bench-201 uses for its stand-alone networks,
// and measures its accuracy. Any module works: `forward` maps images to
// logits (a stand-alone network, or a supernet restricted to one path).
#ifndef PRPNAS_TRAIN_CLASSIFIER_TRAINER_H_
#define PRPNAS_TRAIN_CLASSIFIER_TRAINER_H_

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>

#include "prpnas/data/image_dataset.h"

namespace prpnas::train {

using Forward = std::function<torch::Tensor(const torch::Tensor&)>;

struct TrainOptions {
  int epochs = 1;
  int64_t batch_size = 128;
  double learning_rate = 0.1;  // decays to 0 along a cosine over all steps
  double momentum = 0.9;
  double weight_decay = 5e-4;
  uint64_t seed = 0;  // order of the training images
  std::string label = "train";  // progress line prefix
  bool show_progress = true;     // off when several trainings share a terminal
  torch::Device device = torch::kCPU;  // where the model trains and is evaluated; not a fidelity
};

struct TrainResult {
  double train_loss = 0;      // mean over the last epoch
  double train_accuracy = 0;  // % over the last epoch, in train mode
  double valid_accuracy = 0;  // %, eval mode; NaN without a validation split
  double test_accuracy = 0;   // %, eval mode; NaN without a test split
  int64_t images = 0;         // training images processed
  double train_seconds = 0;
  double images_per_second = 0;
};

// Throws Error if the loss becomes NaN or infinite (naming epoch and step).
TrainResult train_classifier(torch::nn::Module& model, const Forward& forward,
                             const data::DatasetSplits& data, const TrainOptions& options);

// Top-1 accuracy in % of `forward` on `set`, in eval mode, without gradients.
double accuracy(torch::nn::Module& model, const Forward& forward, const data::ImageSet& set,
                const data::DatasetSplits& data, int64_t batch_size = 512);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_CLASSIFIER_TRAINER_H_
