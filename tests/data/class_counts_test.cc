#include "prpnas/data/class_counts.h"

#include <gtest/gtest.h>

#include "prpnas/data/synthetic.h"

namespace prpnas::data {
namespace {

TEST(ClassCounts, CountsEveryClassIncludingAbsentOnes) {
  ImageSet set;
  set.labels = torch::tensor({0, 2, 2, 1, 2}, torch::kLong);
  EXPECT_EQ(class_counts(set, 4), (std::vector<int64_t>{1, 1, 3, 0}));
}

TEST(ClassCounts, MatchesALoopOverTheLabels) {
  const ImageSet set = synthetic_images(305, 7);
  std::vector<int64_t> expected(10, 0);
  for (int64_t i = 0; i < set.size(); ++i) ++expected.at(set.labels[i].item<int64_t>());
  EXPECT_EQ(class_counts(set, 10), expected);
}

}  // namespace
}  // namespace prpnas::data
