#include "prpnas/train/batches.h"

#include <gtest/gtest.h>

#include <set>

#include "prpnas/train/sgd.h"
#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

data::DatasetSplits tiny_data(int64_t n) {
  data::DatasetSplits d;
  d.name = "tiny";
  d.channels = 1;
  d.height = d.width = 2;
  d.mean = {0.5f};
  d.stddev = {0.25f};
  d.train.images = torch::arange(n, torch::kInt64).to(torch::kUInt8).view({n, 1, 1, 1}).expand({n, 1, 2, 2}).contiguous();
  d.train.labels = torch::arange(n, torch::kInt64);
  d.train.index = torch::arange(n, torch::kInt64);
  return d;
}

TEST(BatchStream, EveryImageOncePerEpochThenAFreshOrder) {
  const data::DatasetSplits data = tiny_data(10);
  BatchStream stream(data, 4, 1);
  EXPECT_EQ(stream.batches_per_epoch(), 3);
  std::vector<int64_t> epoch1, epoch2;
  for (int64_t expected_size : {4, 4, 2}) {
    const Batch b = stream.next();
    EXPECT_EQ(b.size(), expected_size);
    EXPECT_EQ(stream.epoch(), 1);
    for (int64_t i = 0; i < b.size(); ++i) epoch1.push_back(b.labels[i].item<int64_t>());
    // Images follow their labels, normalised: (label / 255 - 0.5) / 0.25.
    EXPECT_TRUE(torch::allclose(b.images.select(1, 0).select(1, 0).select(1, 0),
                                (b.labels.to(torch::kFloat) / 255 - 0.5) / 0.25));
  }
  for (int i = 0; i < 3; ++i) {
    const Batch b = stream.next();
    for (int64_t j = 0; j < b.size(); ++j) epoch2.push_back(b.labels[j].item<int64_t>());
  }
  EXPECT_EQ(stream.epoch(), 2);
  EXPECT_EQ(std::set<int64_t>(epoch1.begin(), epoch1.end()).size(), 10u);
  EXPECT_EQ(std::set<int64_t>(epoch2.begin(), epoch2.end()).size(), 10u);
  EXPECT_NE(epoch1, epoch2);
  EXPECT_THROW(BatchStream(tiny_data(0), 4, 1), Error);
  EXPECT_THROW(BatchStream(data, 0, 1), Error);
}

TEST(Sgd, CosineLearningRate) {
  EXPECT_DOUBLE_EQ(cosine_learning_rate(0.1, 0, 100), 0.1);
  EXPECT_NEAR(cosine_learning_rate(0.1, 50, 100), 0.05, 1e-15);
  EXPECT_NEAR(cosine_learning_rate(0.1, 100, 100), 0, 1e-15);
  EXPECT_DOUBLE_EQ(cosine_learning_rate(0.1, 3, 0), 0.1);
  torch::Tensor w = torch::zeros({2}, torch::requires_grad());
  torch::optim::SGD optimizer({w}, nesterov_sgd({0.1, 0.9, 5e-4}));
  set_learning_rate(optimizer, 0.02);
  const auto& o = static_cast<const torch::optim::SGDOptions&>(optimizer.param_groups()[0].options());
  EXPECT_DOUBLE_EQ(o.lr(), 0.02);
  EXPECT_TRUE(o.nesterov());
  EXPECT_DOUBLE_EQ(o.momentum(), 0.9);
  EXPECT_DOUBLE_EQ(o.weight_decay(), 5e-4);
}

}  // namespace
}  // namespace prpnas::train
