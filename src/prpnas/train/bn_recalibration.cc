#include "prpnas/train/bn_recalibration.h"

#include <optional>
#include <utility>

#include "prpnas/util/error.h"

namespace prpnas::train {

namespace {

using BatchNorms = std::vector<std::shared_ptr<torch::nn::BatchNorm2dImpl>>;

// Cumulative averaging while alive; the previous momenta come back on any exit.
class CumulativeMomentum {
 public:
  explicit CumulativeMomentum(const BatchNorms& bns) : bns_(bns) {
    for (const auto& bn : bns_) {
      saved_.push_back(bn->options.momentum());
      bn->options.momentum(c10::nullopt);
    }
  }
  ~CumulativeMomentum() {
    for (std::size_t i = 0; i < bns_.size(); ++i) bns_[i]->options.momentum(saved_[i]);
  }
  CumulativeMomentum(const CumulativeMomentum&) = delete;
  CumulativeMomentum& operator=(const CumulativeMomentum&) = delete;

 private:
  const BatchNorms& bns_;
  std::vector<c10::optional<double>> saved_;
};

void add_batch_norms(const std::shared_ptr<torch::nn::Module>& root, BatchNorms& out) {
  if (!root) return;  // e.g. a `none` op
  for (const auto& m : root->modules(/*include_self=*/true)) {
    if (auto bn = std::dynamic_pointer_cast<torch::nn::BatchNorm2dImpl>(m)) out.push_back(std::move(bn));
  }
}

}  // namespace

BatchNorms path_batch_norms(const nn::Supernet& supernet, const space::Architecture& path) {
  BatchNorms out;
  for (const auto& module : supernet.path_modules(path)) add_batch_norms(module, out);
  return out;
}

void recalibrate_bn(nn::Supernet& supernet, const space::Architecture& path,
                    const std::vector<torch::Tensor>& batches, nn::ForwardMemo* memo) {
  if (batches.empty()) throw Error("BN recalibration needs at least one batch of training images");
  const BatchNorms bns = path_batch_norms(supernet, path);
  {
    const CumulativeMomentum cumulative(bns);
    for (const auto& bn : bns) bn->reset_running_stats();
    torch::NoGradGuard no_grad;
    supernet.module().train();
    try {
      for (std::size_t i = 0; i < batches.size(); ++i) {
        if (memo) {
          memo->set_slot(static_cast<int>(i));
          supernet.forward(batches[i], path, *memo);
        } else {
          supernet.forward(batches[i], path);
        }
      }
    } catch (...) {
      supernet.module().eval();
      throw;
    }
  }
  supernet.module().eval();
}

}  // namespace prpnas::train
