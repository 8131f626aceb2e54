// Labelled image sets held in memory as uint8 (small: Fashion-MNIST's 70k
// images are 55 MB), normalised to float per batch. Readers check every file
// (magic number, sizes, label range, truncation) and throw DataError naming
// the file and what is wrong.
#ifndef PRPNAS_DATA_IMAGE_DATASET_H_
#define PRPNAS_DATA_IMAGE_DATASET_H_

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace prpnas::data {

struct ImageSet {
  torch::Tensor images;  // uint8 [N, C, H, W]
  torch::Tensor labels;  // int64 [N]
  torch::Tensor index;   // int64 [N]: position of each image in the files it came from
  int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
};

struct DatasetSplits {
  std::string name;    // e.g. "fashion-mnist"
  std::string source;  // the directory read, or "generated"
  int channels = 1, height = 28, width = 28, num_classes = 10;
  // Per channel, in [0,1] units, from the whole train split (before
  // train_limit, so every fidelity normalises alike).
  std::vector<float> mean, stddev;
  ImageSet train, valid, test;
};

// What to load. `spec` is "fashion-mnist[:DIR]", "mnist:DIR", "cifar10:DIR",
// "cifar100:DIR" or "synthetic". valid_size images are taken out of the
// training files by a seeded permutation; the *_limit fields (0 = all) keep a
// seeded subset for cheap fidelities (a smaller limit keeps a subset of what
// a larger one keeps). Each split keeps file order. docs/FORMATS.md has the rules.
struct DatasetOptions {
  std::string spec = "fashion-mnist";
  int64_t valid_size = 10000;
  int64_t train_limit = 0, valid_limit = 0, test_limit = 0;
  uint64_t seed = 0;
};

// Throws ConfigError for an unknown spec or impossible sizes, DataError for a
// missing or bad file (naming it and how to get a good one).
DatasetSplits load_dataset(const DatasetOptions& options);

// The spec names load_dataset knows, for help texts and errors.
inline constexpr const char* kDatasetSpecs =
    "fashion-mnist[:DIR], mnist:DIR, cifar10:DIR, cifar100:DIR, synthetic";

// uint8 [B, C, H, W] -> float [B, C, H, W], scaled to [0,1] then normalised
// with the split's mean and stddev.
torch::Tensor normalize(const torch::Tensor& images, const DatasetSplits& splits);

}  // namespace prpnas::data

#endif  // PRPNAS_DATA_IMAGE_DATASET_H_
