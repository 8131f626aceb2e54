// load_dataset: specs, splits, limits, statistics, normalize, synthetic data,
// and the real Fashion-MNIST that scripts/bootstrap installs.
#include "prpnas/data/image_dataset.h"

#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "data_files.h"
#include "prpnas/data/synthetic.h"
#include "prpnas/util/error.h"

namespace prpnas::data {
namespace {

using namespace prpnas::test_data;

// An MNIST-style folder: `train` and `test` images of 3x5, label i % 10,
// pixel values from noise. Train files gzipped, test files plain.
void write_mnist_dir(const TempDir& dir, uint32_t train, uint32_t test) {
  auto labels = [](uint32_t n) {
    Bytes l(n);
    for (uint32_t i = 0; i < n; ++i) l[i] = static_cast<uint8_t>(i % 10);
    return l;
  };
  write_gzip(dir / "train-images-idx3-ubyte.gz", idx_images(train, 3, 5, noise_bytes(train * 15, 1)));
  write_gzip(dir / "train-labels-idx1-ubyte.gz", idx_labels(labels(train)));
  write_file(dir / "t10k-images-idx3-ubyte", idx_images(test, 3, 5, noise_bytes(test * 15, 2)));
  write_file(dir / "t10k-labels-idx1-ubyte", idx_labels(labels(test)));
}

DatasetOptions mnist(const TempDir& dir, int64_t valid_size, uint64_t seed = 0) {
  DatasetOptions o;
  o.spec = "mnist:" + dir.path().string();
  o.valid_size = valid_size;
  o.seed = seed;
  return o;
}

std::set<int64_t> as_set(const torch::Tensor& index) {
  const torch::Tensor i = index.contiguous();
  return {i.data_ptr<int64_t>(), i.data_ptr<int64_t>() + i.numel()};
}

template <class E>
void expect_error(const DatasetOptions& o, const std::vector<std::string>& needles) {
  try {
    load_dataset(o);
    ADD_FAILURE() << "no error for " << o.spec;
  } catch (const E& e) {
    for (const auto& needle : needles)
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
}

TEST(ImageDataset, LoadsMnistStyleFolder) {
  TempDir dir;
  write_mnist_dir(dir, 50, 20);
  const DatasetSplits d = load_dataset(mnist(dir, 10));
  EXPECT_EQ(d.name, "mnist");
  EXPECT_EQ(d.source, dir.path().string());
  EXPECT_EQ(d.channels, 1);
  EXPECT_EQ(d.height, 3);  // the files' shape
  EXPECT_EQ(d.width, 5);
  EXPECT_EQ(d.num_classes, 10);
  EXPECT_EQ(d.train.size(), 40);
  EXPECT_EQ(d.valid.size(), 10);
  EXPECT_EQ(d.test.size(), 20);
  EXPECT_EQ(d.train.images.sizes(), (std::vector<int64_t>{40, 1, 3, 5}));
  EXPECT_EQ(d.train.images.scalar_type(), torch::kUInt8);
  // Every image is the file's image at its index, with its label.
  const torch::Tensor all =
      torch::from_blob(noise_bytes(50 * 15, 1).data(), {50, 1, 3, 5}, torch::kUInt8).clone();
  for (const ImageSet* set : {&d.train, &d.valid}) {
    EXPECT_TRUE(set->images.equal(all.index_select(0, set->index)));
    EXPECT_TRUE(set->labels.equal(set->index.remainder(10)));
  }
  EXPECT_TRUE(d.test.index.equal(torch::arange(20, torch::kLong)));
}

TEST(ImageDataset, SplitIsDeterministicDisjointAndCovers) {
  TempDir dir;
  write_mnist_dir(dir, 100, 10);
  const DatasetSplits a = load_dataset(mnist(dir, 30, 7)), b = load_dataset(mnist(dir, 30, 7)),
                      c = load_dataset(mnist(dir, 30, 8));
  EXPECT_TRUE(a.train.index.equal(b.train.index));
  EXPECT_TRUE(a.valid.index.equal(b.valid.index));
  EXPECT_TRUE(a.train.images.equal(b.train.images));
  EXPECT_FALSE(a.valid.index.equal(c.valid.index));
  const std::set<int64_t> train = as_set(a.train.index), valid = as_set(a.valid.index);
  EXPECT_EQ(train.size(), 70u);
  EXPECT_EQ(valid.size(), 30u);
  std::set<int64_t> both = train;
  both.insert(valid.begin(), valid.end());
  EXPECT_EQ(both.size(), 100u);  // disjoint, and together every training file image
  EXPECT_EQ(*both.begin(), 0);
  EXPECT_EQ(*both.rbegin(), 99);
  // Splits keep file order.
  EXPECT_TRUE(a.train.index.equal(std::get<0>(a.train.index.sort())));
  EXPECT_TRUE(a.valid.index.equal(std::get<0>(a.valid.index.sort())));
}

TEST(ImageDataset, LimitsKeepNestedSeededSubsets) {
  TempDir dir;
  write_mnist_dir(dir, 100, 40);
  const DatasetSplits full = load_dataset(mnist(dir, 30, 3));
  DatasetOptions o = mnist(dir, 30, 3);
  o.train_limit = 20;
  o.valid_limit = 10;
  o.test_limit = 15;
  const DatasetSplits small = load_dataset(o);
  o.train_limit = 40;
  o.valid_limit = 1000;  // more than there is: all
  o.test_limit = 25;
  const DatasetSplits larger = load_dataset(o);
  EXPECT_EQ(small.train.size(), 20);
  EXPECT_EQ(small.valid.size(), 10);
  EXPECT_EQ(small.test.size(), 15);
  EXPECT_EQ(larger.valid.size(), 30);
  auto contains = [](const ImageSet& big, const ImageSet& part) {
    const std::set<int64_t> b = as_set(big.index);
    for (int64_t i : as_set(part.index)) {
      if (!b.count(i)) return false;
    }
    return true;
  };
  EXPECT_TRUE(contains(full.train, small.train));
  EXPECT_TRUE(contains(full.valid, small.valid));
  EXPECT_TRUE(contains(larger.train, small.train));
  EXPECT_TRUE(contains(larger.test, small.test));
  EXPECT_TRUE(larger.valid.index.equal(full.valid.index));
  // Normalisation does not depend on the limit.
  EXPECT_EQ(small.mean, full.mean);
  EXPECT_EQ(small.stddev, full.stddev);
  o.seed = 4;
  EXPECT_FALSE(load_dataset(o).test.index.equal(larger.test.index));
}

TEST(ImageDataset, NormalizeGivesZeroMeanUnitStdOnTrain) {
  TempDir dir;
  write_mnist_dir(dir, 200, 10);
  const DatasetSplits d = load_dataset(mnist(dir, 50));
  const torch::Tensor x = normalize(d.train.images, d);
  EXPECT_EQ(x.scalar_type(), torch::kFloat);
  EXPECT_EQ(x.sizes(), d.train.images.sizes());
  EXPECT_NEAR(x.mean().item<double>(), 0, 1e-5);
  EXPECT_NEAR(x.std(false).item<double>(), 1, 1e-5);
  // mean and stddev are in [0,1] units: noise bytes are about uniform on 0..255.
  EXPECT_NEAR(d.mean[0], 0.5, 0.05);
  EXPECT_NEAR(d.stddev[0], 0.29, 0.03);
  EXPECT_THROW(normalize(d.train.images[0], d), std::invalid_argument);
}

TEST(ImageDataset, NormalizesEachChannelOfCifar) {
  TempDir dir;
  for (int b = 1; b <= 5; ++b) {
    Bytes bytes;
    for (int i = 0; i < 4; ++i) {
      const Bytes r = cifar_record({static_cast<uint8_t>(i)}, 0);
      bytes.insert(bytes.end(), r.begin(), r.end());
      // Brighter red, darker blue: channel statistics differ.
      for (int p = 0; p < 1024; ++p)
        bytes[bytes.size() - 3072 + p] = static_cast<uint8_t>(200 + (p + b) % 50);
      for (int p = 2048; p < 3072; ++p) bytes[bytes.size() - 3072 + p] = static_cast<uint8_t>((p * i) % 40);
    }
    write_file(dir / ("data_batch_" + std::to_string(b) + ".bin"), bytes);
  }
  write_file(dir / "test_batch.bin", cifar_record({3}, 1));
  DatasetOptions o;
  o.spec = "cifar10:" + dir.path().string();
  o.valid_size = 5;
  const DatasetSplits d = load_dataset(o);
  EXPECT_EQ(d.channels, 3);
  EXPECT_EQ(d.height, 32);
  EXPECT_EQ(d.num_classes, 10);
  EXPECT_EQ(d.train.size(), 15);
  EXPECT_EQ(d.test.size(), 1);
  ASSERT_EQ(d.mean.size(), 3u);
  EXPECT_GT(d.mean[0], d.mean[2]);
  const torch::Tensor x = normalize(d.train.images, d);
  for (int c = 0; c < 3; ++c) {
    EXPECT_NEAR(x.select(1, c).mean().item<double>(), 0, 1e-4) << c;
    EXPECT_NEAR(x.select(1, c).std(false).item<double>(), 1, 1e-4) << c;
  }
}

TEST(ImageDataset, BadOptionsAreConfigErrors) {
  TempDir dir;
  write_mnist_dir(dir, 20, 5);
  DatasetOptions o;
  o.spec = "imagenet";
  expect_error<ConfigError>(
      o, {"unknown dataset 'imagenet'", "fashion-mnist[:DIR]", "cifar100:DIR", "synthetic"});
  o.spec = "mnist";
  expect_error<ConfigError>(o, {"needs a directory: mnist:DIR"});
  o.spec = "synthetic:/tmp";
  expect_error<ConfigError>(o, {"takes no directory"});
  expect_error<ConfigError>(mnist(dir, 20), {"valid_size 20 leaves no training images", "hold 20"});
  o = mnist(dir, 5);
  o.train_limit = -1;
  expect_error<ConfigError>(o, {"train_limit is -1"});
}

TEST(ImageDataset, MissingFolderOrFileNamesItAndTheFix) {
  DatasetOptions o;
  o.spec = "fashion-mnist:/nonexistent/fmnist";
  expect_error<DataError>(
      o, {"/nonexistent/fmnist: no such directory", "apt-get install dataset-fashion-mnist"});
  TempDir dir;
  write_mnist_dir(dir, 20, 5);
  fs::remove(dir / "t10k-labels-idx1-ubyte");
  o.spec = "fashion-mnist:" + dir.path().string();
  expect_error<DataError>(o,
                          {dir / "t10k-labels-idx1-ubyte.gz" + ": no such file (nor t10k-labels-idx1-ubyte)",
                           "apt-get install dataset-fashion-mnist (scripts/bootstrap does)"});
  o.spec = "cifar10:" + dir.path().string();
  expect_error<DataError>(o, {dir / "data_batch_1.bin" + ": no such file", "cifar-10-binary.tar.gz"});
}

TEST(ImageDataset, CorruptFileNamesIt) {
  TempDir dir;
  write_mnist_dir(dir, 20, 5);
  write_file(dir / "t10k-labels-idx1-ubyte", idx_labels({1, 2, 3, 4, 11}));
  expect_error<DataError>(mnist(dir, 5),
                          {dir / "t10k-labels-idx1-ubyte" + ": label 11 of item 4", "re-download"});
  write_file(dir / "t10k-labels-idx1-ubyte", idx_labels({1, 2, 3, 4}));
  expect_error<DataError>(mnist(dir, 5), {": 4 labels for the 5 images"});
  write_file(dir / "t10k-labels-idx1-ubyte", idx_labels({1, 2, 3, 4, 5}));
  write_file(dir / "t10k-images-idx3-ubyte", idx_images(5, 5, 3, noise_bytes(75)));
  expect_error<DataError>(mnist(dir, 5), {"test images are 1x5x3 but training images 1x3x5"});
}

TEST(ImageDataset, SyntheticIsFixedAndLearnable) {
  DatasetOptions o;
  o.spec = "synthetic";
  o.valid_size = 2000;
  const DatasetSplits a = load_dataset(o), b = load_dataset(o);
  EXPECT_EQ(a.source, "generated");
  EXPECT_EQ(a.channels, 1);
  EXPECT_EQ(a.height, kSyntheticSize);
  EXPECT_EQ(a.width, kSyntheticSize);
  EXPECT_EQ(a.num_classes, kSyntheticClasses);
  EXPECT_EQ(a.train.size(), kSyntheticTrain - 2000);
  EXPECT_EQ(a.valid.size(), 2000);
  EXPECT_EQ(a.test.size(), kSyntheticTest);
  EXPECT_TRUE(a.train.images.equal(b.train.images));
  EXPECT_TRUE(a.test.images.equal(b.test.images));
  EXPECT_FALSE(a.train.images.slice(0, 0, 10).equal(a.test.images.slice(0, 0, 10)));  // other noise
  o.seed = 1;
  const DatasetSplits c = load_dataset(o);
  EXPECT_FALSE(a.valid.index.equal(c.valid.index));
  EXPECT_TRUE(a.test.images.equal(c.test.images));  // the data is fixed; the seed picks the split
  EXPECT_TRUE(torch::bincount(a.test.labels, {}, 10).eq(kSyntheticTest / 10).all().item<bool>());
  // Learnable: the nearest class mean of the train split classifies most test images.
  const torch::Tensor x = normalize(a.train.images, a).flatten(1), t = normalize(a.test.images, a).flatten(1);
  std::vector<torch::Tensor> means;
  for (int k = 0; k < 10; ++k) means.push_back(x.index({a.train.labels == k}).mean(0));
  const torch::Tensor predicted = torch::cdist(t, torch::stack(means)).argmin(1);
  const double accuracy = predicted.eq(a.test.labels).to(torch::kDouble).mean().item<double>();
  std::printf("nearest class mean accuracy on synthetic test: %.4f\n", accuracy);
  EXPECT_GT(accuracy, 0.8);
  EXPECT_LT(accuracy, 1.0);  // but not trivially
}

TEST(ImageDataset, RealFashionMnist) {
  const char* dir = "/usr/share/datasets/fashion-mnist";
  ASSERT_TRUE(fs::is_directory(dir)) << dir << " is missing: run scripts/bootstrap";
  DatasetOptions o;
  o.valid_size = 0;
  const auto start = std::chrono::steady_clock::now();
  const DatasetSplits d = load_dataset(o);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  std::printf("Fashion-MNIST loaded in %lld ms\n", static_cast<long long>(ms));
  EXPECT_EQ(d.name, "fashion-mnist");
  EXPECT_EQ(d.source, dir);
  EXPECT_EQ(d.channels, 1);
  EXPECT_EQ(d.height, 28);
  EXPECT_EQ(d.width, 28);
  EXPECT_EQ(d.num_classes, 10);
  EXPECT_EQ(d.train.size(), 60000);
  EXPECT_EQ(d.valid.size(), 0);
  EXPECT_EQ(d.test.size(), 10000);
  EXPECT_TRUE(torch::bincount(d.train.labels, {}, 10).eq(6000).all().item<bool>());
  EXPECT_TRUE(torch::bincount(d.test.labels, {}, 10).eq(1000).all().item<bool>());
  // The published statistics of the training images.
  EXPECT_NEAR(d.mean[0], 0.2860, 1e-4);
  EXPECT_NEAR(d.stddev[0], 0.3530, 1e-4);
  // The default split: 10000 of the training files for validation.
  const DatasetSplits split = load_dataset(DatasetOptions{});
  EXPECT_EQ(split.train.size(), 50000);
  EXPECT_EQ(split.valid.size(), 10000);
  EXPECT_EQ(split.test.size(), 10000);
}

}  // namespace
}  // namespace prpnas::data
