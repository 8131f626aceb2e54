// A seeded split of n items (architectures with a measured cost) into a
// training part and a held-out part, the same on every standard library.
#ifndef PRPNAS_HW_TRAIN_TEST_SPLIT_H_
#define PRPNAS_HW_TRAIN_TEST_SPLIT_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace prpnas::hw {

// Disjoint, together exactly 0..n-1, each in increasing order.
struct TrainTestSplit {
  std::vector<std::size_t> train;
  std::vector<std::size_t> test;
};

// round(n * train_fraction) items go to train, the rest to test; which ones is
// decided by a hand-written Fisher-Yates shuffle on std::mt19937_64(seed).
// Throws ConfigError unless 0 <= train_fraction <= 1.
TrainTestSplit split_train_test(std::size_t n, double train_fraction = 0.7, std::uint64_t seed = 0);

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_TRAIN_TEST_SPLIT_H_
