#include "prpnas/train/supernet_evaluator.h"

#include <algorithm>
#include <utility>

#include <fmt/core.h>

#include "prpnas/dist/shards.h"
#include "prpnas/train/batches.h"
#include "prpnas/train/bn_recalibration.h"
#include "prpnas/util/error.h"
#include "prpnas/util/progress.h"

namespace prpnas::train {

namespace {

// Copies of every buffer, written back on destruction, and the mode.
class BufferSnapshot {
 public:
  explicit BufferSnapshot(torch::nn::Module& module) : module_(module), training_(module.is_training()) {
    for (const auto& b : module.named_buffers()) saved_.emplace_back(b.value(), b.value().clone());
  }
  ~BufferSnapshot() {
    torch::NoGradGuard no_grad;
    for (auto& [live, copy] : saved_) live.copy_(copy);
    module_.train(training_);
  }
  BufferSnapshot(const BufferSnapshot&) = delete;
  BufferSnapshot& operator=(const BufferSnapshot&) = delete;

 private:
  torch::nn::Module& module_;
  bool training_;
  std::vector<std::pair<torch::Tensor, torch::Tensor>> saved_;  // (the buffer itself, its copy)
};

}  // namespace

SupernetEvaluator::SupernetEvaluator(std::shared_ptr<nn::Supernet> supernet, const data::DatasetSplits& data,
                                     const SupernetEvaluatorOptions& options)
    : supernet_(std::move(supernet)), options_(options) {
  if (options.recalibration_batches < 0 || options.batch_size < 1 || options.valid_images < 0 ||
      options.memo_bytes < 0) {
    throw ConfigError(fmt::format("supernet evaluator: recalibration_batches {}, batch_size {}, valid_images {}, "
                                  "memo_bytes {}; use 0 or more batches, a batch size of 1 or more, 0 or more "
                                  "images and 0 or more bytes",
                                  options.recalibration_batches, options.batch_size, options.valid_images,
                                  options.memo_bytes));
  }
  const torch::Device device = supernet_->alpha().device();  // the images go where the supernet is
  if (data.valid.size() == 0) {
    throw ConfigError("supernet evaluator: " + data.name + " has no validation split; give it valid_size > 0");
  }
  if (options.recalibration_batches > 0) {
    const int64_t n = data.train.size();
    if (n == 0) throw ConfigError("supernet evaluator: " + data.name + " has no training images to recalibrate BN on");
    std::mt19937_64 rng(options.seed);
    const torch::Tensor order = shuffled_indices(n, rng);
    const int64_t take = std::min(n, options.recalibration_batches * options.batch_size);
    for (int64_t begin = 0; begin < take; begin += options.batch_size) {
      const torch::Tensor index = order.slice(0, begin, std::min(take, begin + options.batch_size));
      recalibration_.push_back(make_batch(data.train, index, data, device).images);
    }
  }
  const int64_t valid = options.valid_images == 0 ? data.valid.size() : std::min(options.valid_images, data.valid.size());
  valid_labels_ = data.valid.labels.slice(0, 0, valid).to(device);
  for (int64_t begin = 0; begin < valid; begin += options.batch_size) {
    valid_images_.push_back(
        data::normalize(data.valid.images.slice(0, begin, std::min(valid, begin + options.batch_size)), data)
            .to(device));
  }
}

double SupernetEvaluator::accuracy(const space::Architecture& arch) { return judge(arch, nullptr); }

std::shared_ptr<nn::Network> SupernetEvaluator::standalone(const space::Architecture& arch) {
  std::shared_ptr<nn::Network> network;
  with_statistics_of(arch, [&] { network = supernet_->standalone(arch); });
  return network;
}

void SupernetEvaluator::with_statistics_of(const space::Architecture& arch, const std::function<void()>& fn) {
  const BufferSnapshot snapshot(supernet_->module());
  if (!recalibration_.empty()) recalibrate_bn(*supernet_, arch, recalibration_, nullptr);
  fn();
}

double SupernetEvaluator::judge(const space::Architecture& arch, nn::ForwardMemo* memo) {
  nn::Supernet& supernet = *supernet_;
  const BufferSnapshot snapshot(supernet.module());
  if (!recalibration_.empty()) recalibrate_bn(supernet, arch, recalibration_, memo);
  supernet.module().eval();
  torch::NoGradGuard no_grad;
  int64_t correct = 0, begin = 0;
  for (std::size_t j = 0; j < valid_images_.size(); ++j) {
    const torch::Tensor& images = valid_images_[j];
    const torch::Tensor labels = valid_labels_.slice(0, begin, begin + images.size(0));
    torch::Tensor logits;
    if (memo) {
      memo->set_slot(static_cast<int>(recalibration_.size() + j));  // after the recalibration batches' slots
      logits = supernet.forward(images, arch, *memo);
    } else {
      logits = supernet.forward(images, arch);
    }
    correct += logits.argmax(1).eq(labels).sum().item<int64_t>();
    begin += images.size(0);
  }
  return 100.0 * static_cast<double>(correct) / static_cast<double>(valid_labels_.size(0));
}

std::vector<double> SupernetEvaluator::accuracies(const std::vector<space::Architecture>& archs,
                                                  std::FILE* progress) {
  // Neighbours in lexicographic order share their first decisions, and so the memo's keys.
  std::vector<std::size_t> order(archs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return archs[a] < archs[b]; });
  // Each rank judges a contiguous block of that order; every rank gets all.
  dist::ProcessGroup& group = dist::world();
  const dist::Shard shard = dist::shard_of(order.size(), group.rank(), group.size());
  Progress line(options_.label, static_cast<int64_t>(shard.size()), "arch", progress);
  nn::ForwardMemo memo(options_.memo_bytes);
  std::vector<double> mine;
  double sum = 0;
  for (std::size_t i = shard.begin; i < shard.end; ++i) {
    mine.push_back(judge(archs[order[i]], &memo));
    memo.trim();
    sum += mine.back();
    line.update(static_cast<int64_t>(mine.size()), fmt::format("mean acc {:.2f}%", sum / static_cast<double>(mine.size())));
  }
  const std::vector<double> sorted = dist::gather_shards(group, order.size(), mine, "shared-weight accuracies");
  std::vector<double> out(archs.size());
  for (std::size_t i = 0; i < order.size(); ++i) out[order[i]] = sorted[i];
  sum = 0;  // all of them, in the caller's order, as the line always said
  for (double a : out) sum += a;
  line.finish(out.empty() ? "" : fmt::format("mean acc {:.2f}%", sum / static_cast<double>(out.size())));
  return out;
}

}  // namespace prpnas::train
