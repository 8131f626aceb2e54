#include "prpnas/train/batches.h"

#include <algorithm>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "prpnas/train/bundle_tensors.h"
#include "prpnas/util/error.h"

namespace prpnas::train {

torch::Tensor shuffled_indices(int64_t n, std::mt19937_64& rng) {
  std::vector<int64_t> order(n);
  std::iota(order.begin(), order.end(), int64_t{0});
  std::shuffle(order.begin(), order.end(), rng);
  return torch::tensor(order, torch::kInt64);
}

Batch make_batch(const data::ImageSet& set, const torch::Tensor& index, const data::DatasetSplits& data,
                 torch::Device device) {
  return {data::normalize(set.images.index_select(0, index), data).to(device),
          set.labels.index_select(0, index).to(device)};
}

BatchStream::BatchStream(const data::DatasetSplits& data, int64_t batch_size, uint64_t seed, torch::Device device)
    : data_(data), batch_size_(batch_size), rng_(seed), device_(device) {
  if (data.train.size() == 0) throw Error("mini-batches: the training split of " + data.name + " is empty");
  if (batch_size < 1) throw Error("mini-batches: batch size is " + std::to_string(batch_size) + "; use 1 or more");
}

int64_t BatchStream::batches_per_epoch() const { return (data_.train.size() + batch_size_ - 1) / batch_size_; }

Batch BatchStream::next() {
  const int64_t n = data_.train.size();
  if (!order_.defined() || position_ >= n) {
    order_ = shuffled_indices(n, rng_);
    position_ = 0;
    ++epoch_;
  }
  const int64_t end = std::min(n, position_ + batch_size_);
  const torch::Tensor index = order_.slice(0, position_, end);
  position_ = end;
  return make_batch(data_.train, index, data_, device_);
}

void BatchStream::save(TensorBundle& bundle) const {
  std::ostringstream engine;
  engine << rng_;
  bundle.meta["stream"] = {{"engine", engine.str()}, {"position", position_}, {"epoch", epoch_}};
  put_tensor(bundle, "stream.order", order_.defined() ? order_ : torch::empty({0}, torch::kInt64));
}

void BatchStream::load(const TensorBundle& bundle, const std::string& source) {
  const nlohmann::json& saved = bundle.meta.at("stream");
  const torch::Tensor order = take_tensor(bundle, "stream.order", source);
  if (order.scalar_type() != torch::kInt64) throw Error("mini-batches: the saved order is not int64");
  if (order.numel() != 0 && order.numel() != data_.train.size()) {
    throw Error("mini-batches: the saved stream ordered " + std::to_string(order.numel()) +
                " training images but this split has " + std::to_string(data_.train.size()));
  }
  std::istringstream in(saved.at("engine").get<std::string>());
  in >> rng_;
  if (!in) throw Error("mini-batches: the saved random engine state is corrupt");
  position_ = saved.at("position").get<int64_t>();
  epoch_ = saved.at("epoch").get<int64_t>();
  order_ = order.numel() == 0 ? torch::Tensor() : order;
}

}  // namespace prpnas::train
