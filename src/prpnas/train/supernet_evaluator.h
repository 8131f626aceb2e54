// The accuracy of an architecture with the supernet's shared weights, the
// estimate a weight-sharing search ranks architectures by. For each
// architecture: recalibrate the BN statistics of its path (bn_recalibration.h)
// on a fixed set of training batches, then measure top-1 accuracy on a fixed
// validation subset, in eval mode. Both sets are chosen once, at
// construction, so every architecture is judged on the same images and a
// given supernet and seed give the same accuracies every time.
//
// Evaluation leaves the supernet as it found it: every buffer (BN running
// statistics and counts) is saved before and restored after each
// architecture (also on an exception), the parameters are never written, and
// the train/eval mode comes back; training may go on afterwards exactly as
// if nothing had been evaluated. Not thread-safe: it uses the supernet's
// buffers as scratch.
#ifndef PRPNAS_TRAIN_SUPERNET_EVALUATOR_H_
#define PRPNAS_TRAIN_SUPERNET_EVALUATOR_H_

#include <torch/torch.h>

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "prpnas/data/image_dataset.h"
#include "prpnas/nn/supernet.h"
#include "prpnas/space/search_space.h"

namespace prpnas::train {

struct SupernetEvaluatorOptions {
  // K batches of batch_size training images for BN recalibration, drawn by a
  // seeded permutation of data.train (fewer if the split is smaller). 0 =
  // no recalibration: evaluate with the statistics training left.
  int recalibration_batches = 10;
  int64_t batch_size = 256;     // also the evaluation batch size
  int64_t valid_images = 2000;  // the first ones of data.valid; 0 or more than there are = all
  uint64_t seed = 0;            // which training images recalibrate
  std::string label = "supernet eval";  // progress line prefix
  // What accuracies() keeps between architectures (nn/forward_memo.h); 0 =
  // nothing. 384 MiB holds what NB201's lexicographic neighbours share at
  // the default settings (stage-1 tensors of 3 batches of 250 images).
  int64_t memo_bytes = int64_t{384} << 20;
};

class SupernetEvaluator {
 public:
  // Copies what it needs out of `data` onto the supernet's device (the
  // recalibration batches are normalised once). Throws ConfigError for
  // negative options, an empty validation split, or (with recalibration) an
  // empty training split.
  SupernetEvaluator(std::shared_ptr<nn::Supernet> supernet, const data::DatasetSplits& data,
                    const SupernetEvaluatorOptions& options = {});

  // Top-1 accuracy in % of `arch` on the validation subset.
  double accuracy(const space::Architecture& arch);
  // The same for each, with a progress line on `progress` (nullptr: silent),
  // and bit for bit the same numbers, but cheaper: the architectures run in
  // lexicographic order, and what one computed on the fixed batches that the
  // next can reuse (the stem, NB201's first cell) is kept in a ForwardMemo
  // of at most options.memo_bytes for the call. In a distributed run
  // (dist::world()) each rank judges a contiguous block of that order and
  // every rank returns all of them, the same numbers again; every rank must
  // call it, with the same architectures.
  std::vector<double> accuracies(const std::vector<space::Architecture>& archs, std::FILE* progress = nullptr);

  // The stand-alone network whose accuracy accuracy(arch) measures: the
  // supernet's weights, with the BN statistics recalibrated for `arch`. What
  // export ships (deploy/).
  std::shared_ptr<nn::Network> standalone(const space::Architecture& arch);
  // Runs `fn` while the supernet holds the BN statistics recalibrated for
  // `arch` (as accuracy(arch) does), then restores it, also on an exception.
  void with_statistics_of(const space::Architecture& arch, const std::function<void()>& fn);

  int64_t valid_images() const { return valid_labels_.size(0); }
  int recalibration_batches() const { return static_cast<int>(recalibration_.size()); }

 private:
  double judge(const space::Architecture& arch, nn::ForwardMemo* memo);

  std::shared_ptr<nn::Supernet> supernet_;
  SupernetEvaluatorOptions options_;
  std::vector<torch::Tensor> recalibration_;            // normalised image batches
  std::vector<torch::Tensor> valid_images_;             // normalised, in batches
  torch::Tensor valid_labels_;                          // int64 [valid images]
};

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_SUPERNET_EVALUATOR_H_
