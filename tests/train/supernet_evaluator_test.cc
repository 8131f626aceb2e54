#include "prpnas/nn/nb201/supernet.h"
#include "prpnas/train/supernet_evaluator.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <random>
#include <string>

#include "prpnas/data/synthetic.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/train/classifier_trainer.h"
#include "prpnas/train/supernet_steps.h"
#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

using nn::Nb201Supernet;
using space::Architecture;
using space::Nb201Space;

// The synthetic dataset: 1x16x16, learnable in a few dozen steps.
class SupernetEvaluatorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data::DatasetOptions options;
    options.spec = "synthetic";
    options.valid_size = 1000;
    options.train_limit = 2000;
    options.test_limit = 100;
    data_ = new data::DatasetSplits(data::load_dataset(options));
  }
  static void TearDownTestSuite() { delete data_; }

  static nn::Nb201Config config() { return nn::Nb201Config{8, 1, 1, data::kSyntheticSize, 10}; }
  static SupernetEvaluatorOptions small_options() {
    SupernetEvaluatorOptions o;
    o.recalibration_batches = 3;
    o.batch_size = 100;
    o.valid_images = 500;
    o.seed = 7;
    return o;
  }
  static void fairness_train(Nb201Supernet& supernet, int steps, uint64_t seed) {
    torch::optim::SGD optimizer = make_weight_optimizer(*supernet, {0.05, 0.9, 5e-4});
    BatchStream batches(*data_, 64, seed);
    std::mt19937_64 rng(seed);
    for (int t = 0; t < steps; ++t) fairness_step(*supernet, optimizer, batches.next(), Nb201Space().full_mask(), rng);
  }
  static std::vector<Architecture> architectures() {
    const Nb201Space s;
    std::vector<Architecture> archs = {Architecture(6, Nb201Space::kConv3x3), Architecture(6, Nb201Space::kNone)};
    std::mt19937_64 rng(3);
    for (int i = 0; i < 3; ++i) archs.push_back(space::sample_uniform(s, rng));
    return archs;
  }
  static std::map<std::string, torch::Tensor> state(const torch::nn::Module& m) {
    std::map<std::string, torch::Tensor> out;
    for (const auto& p : m.named_parameters()) out["p:" + p.key()] = p.value().detach().clone();
    for (const auto& b : m.named_buffers()) out["b:" + b.key()] = b.value().clone();
    return out;
  }
  static data::DatasetSplits* data_;
};
data::DatasetSplits* SupernetEvaluatorTest::data_ = nullptr;

TEST_F(SupernetEvaluatorTest, TrainedConvolutionsBeatAnAllNoneCell) {
  torch::manual_seed(1);
  Nb201Supernet supernet(config());
  fairness_train(supernet, 40, 1);
  SupernetEvaluator evaluator(supernet.ptr(), *data_, small_options());
  EXPECT_EQ(evaluator.valid_images(), 500);
  EXPECT_EQ(evaluator.recalibration_batches(), 3);
  const std::vector<double> acc = evaluator.accuracies(architectures(), stderr);
  std::printf("supernet accuracy: all nor_conv_3x3 %.1f%%, all none %.1f%%\n", acc[0], acc[1]);
  // An all-none cell ignores the image: every prediction is the same class.
  EXPECT_LT(acc[1], 20);
  EXPECT_GT(acc[0], 50);
  for (double a : acc) {
    EXPECT_GE(a, 0);
    EXPECT_LE(a, 100);
  }
}

TEST_F(SupernetEvaluatorTest, DeterministicAndLeavesTheSupernetAsItWas) {
  torch::manual_seed(2);
  Nb201Supernet supernet(config());
  fairness_train(supernet, 5, 2);
  supernet->train();
  const auto before = state(*supernet);
  SupernetEvaluator evaluator(supernet.ptr(), *data_, small_options());
  const std::vector<double> first = evaluator.accuracies(architectures());
  const std::vector<double> second = evaluator.accuracies(architectures());
  EXPECT_EQ(first, second);
  // Another evaluator with the same options draws the same recalibration images.
  EXPECT_EQ(SupernetEvaluator(supernet.ptr(), *data_, small_options()).accuracies(architectures()), first);
  const auto after = state(*supernet);
  ASSERT_EQ(after.size(), before.size());
  for (const auto& [name, value] : before) EXPECT_TRUE(torch::equal(after.at(name), value)) << name;
  EXPECT_TRUE(supernet->is_training());
  // Recalibration matters: with the trained statistics the estimate differs.
  SupernetEvaluatorOptions none = small_options();
  none.recalibration_batches = 0;
  EXPECT_NE(SupernetEvaluator(supernet.ptr(), *data_, none).accuracies(architectures()), first);
}

// What export ships: the network whose accuracy the evaluator reports, with
// the supernet left as it was.
TEST_F(SupernetEvaluatorTest, TheStandaloneNetworkHasTheEstimatedAccuracy) {
  torch::manual_seed(8);
  Nb201Supernet supernet(config());
  fairness_train(supernet, 20, 8);
  const auto before = state(*supernet);
  SupernetEvaluator evaluator(supernet.ptr(), *data_, small_options());
  const Batch valid = make_batch(data_->valid, torch::arange(500), *data_);
  for (const Architecture& arch : architectures()) {
    const auto network = evaluator.standalone(arch);
    network->module().eval();
    torch::NoGradGuard no_grad;
    const double correct = network->forward(valid.images).argmax(1).eq(valid.labels).sum().item<double>();
    EXPECT_DOUBLE_EQ(100.0 * correct / 500, evaluator.accuracy(arch)) << Nb201Space().format(arch);
  }
  for (const auto& [name, value] : state(*supernet)) EXPECT_TRUE(torch::equal(before.at(name), value)) << name;
}

// accuracies() reorders the architectures and reuses parts of the forward
// between them (nn/forward_memo.h); accuracy() runs each alone. Bit for bit
// the same, with and without recalibration, whether the memo keeps all or
// nothing between architectures, duplicates included.
TEST_F(SupernetEvaluatorTest, AllAtOnceEqualsOneAtATime) {
  torch::manual_seed(6);
  Nb201Supernet supernet(config());
  fairness_train(supernet, 20, 6);
  std::vector<Architecture> archs = space::distinct_sample(Nb201Space(), 80, 5);
  archs.push_back(archs[3]);
  archs.push_back(archs[40]);
  for (int recalibration : {3, 0}) {
    for (int64_t memo_bytes : {int64_t{1} << 30, int64_t{0}}) {
      SupernetEvaluatorOptions options = small_options();
      options.recalibration_batches = recalibration;
      options.memo_bytes = memo_bytes;
      SupernetEvaluator evaluator(supernet.ptr(), *data_, options);
      const std::vector<double> all = evaluator.accuracies(archs);
      for (std::size_t i = 0; i < archs.size(); ++i) {
        EXPECT_EQ(all[i], evaluator.accuracy(archs[i])) << Nb201Space().format(archs[i]) << " recalibration "
                                                        << recalibration << " memo " << memo_bytes;
      }
    }
  }
}

TEST_F(SupernetEvaluatorTest, TrainingAfterAnEvaluationIsUnaffected) {
  auto run = [&](bool evaluate) {
    torch::manual_seed(3);
    Nb201Supernet supernet(config());
    fairness_train(supernet, 3, 3);
    if (evaluate) SupernetEvaluator(supernet.ptr(), *data_, small_options()).accuracies(architectures());
    fairness_train(supernet, 3, 4);
    return state(*supernet);
  };
  const auto plain = run(false), evaluated = run(true);
  for (const auto& [name, value] : plain) EXPECT_TRUE(torch::equal(evaluated.at(name), value)) << name;
}

TEST_F(SupernetEvaluatorTest, WithoutRecalibrationItIsTheTrainerAccuracy) {
  torch::manual_seed(4);
  Nb201Supernet supernet(config());
  fairness_train(supernet, 5, 5);
  SupernetEvaluatorOptions o = small_options();
  o.recalibration_batches = 0;
  o.valid_images = 0;  // all
  SupernetEvaluator evaluator(supernet.ptr(), *data_, o);
  EXPECT_EQ(evaluator.valid_images(), data_->valid.size());
  const Architecture arch = architectures()[2];
  const double expected = train::accuracy(
      *supernet, [&](const torch::Tensor& x) { return supernet->forward(x, arch); }, data_->valid, *data_);
  EXPECT_DOUBLE_EQ(evaluator.accuracy(arch), expected);
}

TEST_F(SupernetEvaluatorTest, RejectsUnusableOptionsAndData) {
  Nb201Supernet supernet(config());
  SupernetEvaluatorOptions o = small_options();
  o.batch_size = 0;
  EXPECT_THROW(SupernetEvaluator(supernet.ptr(), *data_, o), ConfigError);
  data::DatasetSplits no_valid = *data_;
  no_valid.valid = data::ImageSet();
  EXPECT_THROW(SupernetEvaluator(supernet.ptr(), no_valid, small_options()), ConfigError);
}

}  // namespace
}  // namespace prpnas::train
