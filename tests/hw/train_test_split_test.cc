#include "prpnas/hw/train_test_split.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <set>
#include <vector>

#include "prpnas/util/error.h"

namespace prpnas::hw {
namespace {

TEST(TrainTestSplit, SizesDisjointCoveringSorted) {
  const TrainTestSplit split = split_train_test(100, 0.7, 42);
  EXPECT_EQ(split.train.size(), 70u);
  EXPECT_EQ(split.test.size(), 30u);
  EXPECT_TRUE(std::is_sorted(split.train.begin(), split.train.end()));
  EXPECT_TRUE(std::is_sorted(split.test.begin(), split.test.end()));
  std::set<std::size_t> all(split.train.begin(), split.train.end());
  all.insert(split.test.begin(), split.test.end());
  EXPECT_EQ(all.size(), 100u);  // disjoint: no index counted twice
  EXPECT_EQ(*all.begin(), 0u);
  EXPECT_EQ(*all.rbegin(), 99u);
}

TEST(TrainTestSplit, DeterministicPerSeedAndDifferentAcrossSeeds) {
  const TrainTestSplit a = split_train_test(100, 0.7, 42), b = split_train_test(100, 0.7, 42);
  EXPECT_EQ(a.train, b.train);
  EXPECT_EQ(a.test, b.test);
  const TrainTestSplit c = split_train_test(100, 0.7, 43);
  EXPECT_NE(a.train, c.train);
  // Not just a rotation of the first indices: the split is scattered.
  EXPECT_NE(a.train.back(), 69u);
}

TEST(TrainTestSplit, DefaultsAndRounding) {
  EXPECT_EQ(split_train_test(10).train.size(), 7u);
  EXPECT_EQ(split_train_test(100, 0.29).train.size(), 29u);  // 28.999... rounds, not truncates
  EXPECT_EQ(split_train_test(3, 0.5).train.size(), 2u);
  EXPECT_EQ(split_train_test(5, 0.0).test.size(), 5u);
  EXPECT_EQ(split_train_test(5, 1.0).train.size(), 5u);
  const TrainTestSplit empty = split_train_test(0);
  EXPECT_TRUE(empty.train.empty() && empty.test.empty());
}

// The same shuffle as data/image_dataset.cc's permutation (checked against a
// copy of it): a change of algorithm, say to std::shuffle, whose result
// differs between standard libraries, shows here.
TEST(TrainTestSplit, FixedResultForAFixedSeed) {
  const TrainTestSplit split = split_train_test(10, 0.5, 0);
  EXPECT_EQ(split.train, (std::vector<std::size_t>{0, 2, 3, 7, 8}));
  EXPECT_EQ(split.test, (std::vector<std::size_t>{1, 4, 5, 6, 9}));
}

TEST(TrainTestSplit, RejectsFractionsOutOfRange) {
  EXPECT_THROW(split_train_test(10, -0.1), ConfigError);
  EXPECT_THROW(split_train_test(10, 1.5), ConfigError);
  EXPECT_THROW(split_train_test(10, std::numeric_limits<double>::quiet_NaN()), ConfigError);
}

}  // namespace
}  // namespace prpnas::hw
