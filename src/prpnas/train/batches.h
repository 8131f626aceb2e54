// Mini-batches of a labelled image set: a seeded image order and images
// normalised as the dataset prescribes (data::normalize). Shared by the
// stand-alone classifier trainer and the supernet steps, so every trainer
// sees its images the same way.
#ifndef PRPNAS_TRAIN_BATCHES_H_
#define PRPNAS_TRAIN_BATCHES_H_

#include <torch/torch.h>

#include <cstdint>
#include <random>
#include <string>

#include "prpnas/data/image_dataset.h"
#include "prpnas/util/tensor_bundle.h"

namespace prpnas::train {

struct Batch {
  torch::Tensor images;  // float [B, C, H, W], normalised
  torch::Tensor labels;  // int64 [B]
  int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
};

// A seeded permutation of [0, n) as an int64 tensor (std::shuffle with our
// own engine: reproducible whatever torch's global generator did; the order
// depends on the standard library's shuffle).
torch::Tensor shuffled_indices(int64_t n, std::mt19937_64& rng);

// The images of `set` at `index` (int64 [B]), normalised with `data`'s
// statistics, and their labels, on `device`.
Batch make_batch(const data::ImageSet& set, const torch::Tensor& index, const data::DatasetSplits& data,
                 torch::Device device = torch::kCPU);

// Endless mini-batches of data.train: each epoch is a fresh seeded
// permutation cut into batches of batch_size; the last batch of an epoch
// holds the remainder (smaller), so every image is seen once per epoch, as
// train_classifier does it. Holds a reference to `data`, which must outlive it.
class BatchStream {
 public:
  // Throws Error if the training split is empty or batch_size < 1.
  // Batches come on `device` (normalised on the CPU, then moved).
  BatchStream(const data::DatasetSplits& data, int64_t batch_size, uint64_t seed,
              torch::Device device = torch::kCPU);

  Batch next();
  int64_t epoch() const { return epoch_; }                  // epochs started so far
  int64_t batches_per_epoch() const;

  // Where the stream stands (engine, epoch order, position), for checkpoints:
  // a stream loaded from a save continues with exactly the batches the saved
  // one would have given. load throws Error if the save is of another split size.
  void save(TensorBundle& bundle) const;  // "stream." in the bundle
  void load(const TensorBundle& bundle, const std::string& source);

 private:
  const data::DatasetSplits& data_;
  int64_t batch_size_;
  std::mt19937_64 rng_;
  torch::Device device_;
  torch::Tensor order_;
  int64_t position_ = 0, epoch_ = 0;
};

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_BATCHES_H_
