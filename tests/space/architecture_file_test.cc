#include "prpnas/space/architecture_file.h"

#include <gtest/gtest.h>

namespace prpnas::space {
namespace {

TEST(DistinctArchitectures, KeepsFirstOccurrencesInOrder) {
  const std::vector<Architecture> archs = {{1, 2}, {0, 0}, {1, 2}, {3, 1}, {0, 0}};
  EXPECT_EQ(distinct_architectures(archs), (std::vector<Architecture>{{1, 2}, {0, 0}, {3, 1}}));
  EXPECT_TRUE(distinct_architectures({}).empty());
}

}  // namespace
}  // namespace prpnas::space
