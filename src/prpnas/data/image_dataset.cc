#include "prpnas/data/image_dataset.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>
#include <stdexcept>

#include "prpnas/data/cifar_file.h"
#include "prpnas/data/idx_file.h"
#include "prpnas/data/synthetic.h"
#include "prpnas/util/error.h"

namespace prpnas::data {

namespace {

namespace fs = std::filesystem;

const std::string kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

// The training and test files of a dataset, before any split.
struct Files {
  ImageSet train, test;
};

// What to tell the user when files are missing or bad.
struct Fixes {
  std::string missing, corrupt;
};

Fixes fixes_for(const std::string& name, const std::string& dir) {
  if (name == "fashion-mnist") {
    if (dir == kFashionMnistDir) {
      return {"install it with: apt-get install dataset-fashion-mnist (scripts/bootstrap does)",
              "re-install it with: apt-get install --reinstall dataset-fashion-mnist"};
    }
    return {"put Fashion-MNIST's IDX files there, or install them to " + kFashionMnistDir +
                " with: apt-get install dataset-fashion-mnist (scripts/bootstrap does) and give no DIR",
            "re-download Fashion-MNIST's IDX files"};
  }
  if (name == "mnist") {
    return {
        "put MNIST's IDX files there (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
        "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz)",
        "re-download MNIST's IDX files"};
  }
  const std::string archive = name == "cifar10" ? "cifar-10-binary.tar.gz" : "cifar-100-binary.tar.gz";
  return {"download " + archive + " from https://www.cs.toronto.edu/~kriz/cifar.html and unpack it there",
          "re-download and unpack " + archive};
}

// DIR/BASE.gz, else DIR/BASE.
std::string find_idx_file(const fs::path& dir, const std::string& base, const std::string& fix) {
  std::error_code ec;
  for (const std::string& name : {base + ".gz", base}) {
    if (fs::is_regular_file(dir / name, ec)) return (dir / name).string();
  }
  throw DataError((dir / (base + ".gz")).string() + ": no such file (nor " + base + "); " + fix);
}

Files read_idx_files(const fs::path& dir, const Fixes& fix) {
  auto read = [&](const std::string& prefix) {
    const std::string images = find_idx_file(dir, prefix + "-images-idx3-ubyte", fix.missing);
    const std::string labels = find_idx_file(dir, prefix + "-labels-idx1-ubyte", fix.missing);
    return read_idx_set(images, labels, 10, fix.corrupt);
  };
  return {read("train"), read("t10k")};
}

Files read_cifar_files(const std::string& dir, Cifar kind, const Fixes& fix) {
  const CifarFiles paths = find_cifar_files(dir, kind, fix.missing);
  std::vector<torch::Tensor> images, labels;
  for (const std::string& path : paths.train) {
    ImageSet part = read_cifar_file(path, kind, fix.corrupt);
    images.push_back(part.images);
    labels.push_back(part.labels);
  }
  Files files;
  files.train.images = torch::cat(images);
  files.train.labels = torch::cat(labels);
  files.train.index = torch::arange(files.train.size(), torch::kLong);
  files.test = read_cifar_file(paths.test, kind, fix.corrupt);
  return files;
}

// Parses the spec, fills name, source and classes of `out`, reads the files.
Files read_files(const std::string& spec, DatasetSplits& out) {
  const std::size_t colon = spec.find(':');
  const std::string name = spec.substr(0, colon);
  std::string dir = colon == std::string::npos ? "" : spec.substr(colon + 1);
  out.name = name;
  if (name == "synthetic") {
    if (colon != std::string::npos) {
      throw ConfigError("dataset '" + spec +
                        "': synthetic is generated and takes no directory; use 'synthetic'");
    }
    out.source = "generated";
    out.num_classes = kSyntheticClasses;
    return {synthetic_images(kSyntheticTrain, 1), synthetic_images(kSyntheticTest, 2)};
  }
  if (name != "fashion-mnist" && name != "mnist" && name != "cifar10" && name != "cifar100") {
    throw ConfigError("unknown dataset '" + spec + "' (known: " + kDatasetSpecs + ")");
  }
  if (name == "fashion-mnist" && colon == std::string::npos) dir = kFashionMnistDir;
  if (dir.empty()) throw ConfigError("dataset '" + spec + "' needs a directory: " + name + ":DIR");
  const Fixes fix = fixes_for(name, dir);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw DataError(dir + ": no such directory; " + fix.missing);
  out.source = dir;
  if (name == "fashion-mnist" || name == "mnist") {
    out.num_classes = 10;
    return read_idx_files(dir, fix);
  }
  const Cifar kind = name == "cifar10" ? Cifar::k10 : Cifar::k100;
  out.num_classes = cifar_classes(kind);
  return read_cifar_files(dir, kind, fix);
}

// Fisher-Yates on mt19937_64 by hand: std::shuffle's result differs between
// standard libraries, and a seed must pick the same images everywhere.
std::vector<int64_t> permutation(int64_t n, std::mt19937_64& rng) {
  std::vector<int64_t> p(n);
  std::iota(p.begin(), p.end(), int64_t{0});
  for (int64_t i = n - 1; i > 0; --i) std::swap(p[i], p[rng() % static_cast<uint64_t>(i + 1)]);
  return p;
}

// The images at order[begin, end), in file order.
ImageSet subset(const ImageSet& set, const std::vector<int64_t>& order, int64_t begin, int64_t end) {
  std::vector<int64_t> picked(order.begin() + begin, order.begin() + end);
  std::sort(picked.begin(), picked.end());
  const torch::Tensor rows = torch::tensor(picked, torch::kLong);
  return {set.images.index_select(0, rows), set.labels.index_select(0, rows),
          set.index.index_select(0, rows)};
}

// How many of `available` images a limit keeps (0 = all).
int64_t kept(int64_t limit, int64_t available) { return limit == 0 ? available : std::min(limit, available); }

// Exact per-channel mean and stddev from a 256-bin histogram, without a
// float copy of the images.
void set_statistics(DatasetSplits& out) {
  const torch::Tensor values = torch::arange(256, torch::kDouble) / 255;
  out.mean.clear();
  out.stddev.clear();
  for (int c = 0; c < out.channels; ++c) {
    const torch::Tensor counts =
        torch::bincount(out.train.images.select(1, c).flatten(), {}, 256).to(torch::kDouble);
    const double total = counts.sum().item<double>();
    const double mean = (counts * values).sum().item<double>() / total;
    const double variance = (counts * (values - mean).square()).sum().item<double>() / total;
    out.mean.push_back(static_cast<float>(mean));
    // A constant channel keeps stddev 1 so that normalize stays finite.
    out.stddev.push_back(variance > 0 ? static_cast<float>(std::sqrt(variance)) : 1.0f);
  }
}

}  // namespace

DatasetSplits load_dataset(const DatasetOptions& options) {
  for (const auto& [field, value] : {std::pair{"valid_size", options.valid_size},
                                     {"train_limit", options.train_limit},
                                     {"valid_limit", options.valid_limit},
                                     {"test_limit", options.test_limit}}) {
    if (value < 0) throw ConfigError(fmt::format("{} is {}; use 0 or more", field, value));
  }
  DatasetSplits out;
  const Files files = read_files(options.spec, out);
  // The shape is the files' (IDX files say theirs), and test must match train.
  const auto shape = files.train.images.sizes().slice(1);
  if (files.test.images.sizes().slice(1) != shape) {
    throw DataError(fmt::format("{}: test images are {}x{}x{} but training images {}x{}x{}; {}", out.source,
                                files.test.images.size(1), files.test.images.size(2),
                                files.test.images.size(3), shape[0], shape[1], shape[2],
                                fixes_for(out.name, out.source).corrupt));
  }
  out.channels = static_cast<int>(shape[0]);
  out.height = static_cast<int>(shape[1]);
  out.width = static_cast<int>(shape[2]);
  const int64_t n = files.train.size();
  if (options.valid_size >= n) {
    throw ConfigError(fmt::format("valid_size {} leaves no training images: {}'s training files hold {}; "
                                  "use a smaller valid_size",
                                  options.valid_size, out.name, n));
  }
  std::mt19937_64 rng(options.seed);
  // order[0, valid_size) is the validation split, the rest the train split;
  // a limit keeps a prefix of a split's part, so smaller limits nest.
  const std::vector<int64_t> order = permutation(n, rng);
  out.train = subset(files.train, order, options.valid_size, n);
  set_statistics(out);
  if (options.train_limit > 0) {
    out.train = subset(files.train, order, options.valid_size,
                       options.valid_size + kept(options.train_limit, n - options.valid_size));
  }
  out.valid = subset(files.train, order, 0, kept(options.valid_limit, options.valid_size));
  out.test = files.test;
  if (options.test_limit > 0 && options.test_limit < files.test.size()) {
    out.test = subset(files.test, permutation(files.test.size(), rng), 0, options.test_limit);
  }
  return out;
}

torch::Tensor normalize(const torch::Tensor& images, const DatasetSplits& splits) {
  if (images.dim() != 4 || images.size(1) != splits.channels) {
    throw std::invalid_argument(fmt::format(
        "normalize: expects images [B, C, H, W] with C = {}, the dataset's channels", splits.channels));
  }
  const auto options = torch::TensorOptions().dtype(torch::kFloat).device(images.device());
  const torch::Tensor mean = torch::tensor(splits.mean, options).view({1, -1, 1, 1});
  const torch::Tensor stddev = torch::tensor(splits.stddev, options).view({1, -1, 1, 1});
  return images.to(torch::kFloat).div_(255).sub_(mean).div_(stddev);
}

}  // namespace prpnas::data
