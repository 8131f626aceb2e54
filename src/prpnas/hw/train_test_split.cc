#include "prpnas/hw/train_test_split.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string>
#include <utility>

#include "prpnas/util/error.h"

namespace prpnas::hw {

TrainTestSplit split_train_test(std::size_t n, double train_fraction, std::uint64_t seed) {
  if (!(train_fraction >= 0 && train_fraction <= 1)) {
    throw ConfigError("train fraction " + std::to_string(train_fraction) + " is out of range; use 0 to 1");
  }
  // Fisher-Yates by hand, as data/image_dataset.cc: std::shuffle's result
  // differs between standard libraries.
  std::mt19937_64 rng(seed);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng() % i]);

  const auto train_size = static_cast<std::size_t>(std::llround(static_cast<double>(n) * train_fraction));
  TrainTestSplit split;
  split.train.assign(order.begin(), order.begin() + train_size);
  split.test.assign(order.begin() + train_size, order.end());
  std::sort(split.train.begin(), split.train.end());
  std::sort(split.test.begin(), split.test.end());
  return split;
}

}  // namespace prpnas::hw
