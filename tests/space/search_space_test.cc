#include "prpnas/space/search_space.h"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include "counted_space.h"
#include "prpnas/util/error.h"

namespace prpnas::space {
namespace {

using prpnas::testing::CountedSpace;

TEST(SearchSpace, CheckRejectsWrongLengthsAndOutOfRangeChoices) {
  const CountedSpace s({2, 3, 4});
  for (const Architecture& bad : {Architecture{0, 0}, Architecture{0, 0, 0, 0}, Architecture{2, 0, 0},
                                  Architecture{0, -1, 0}, Architecture{0, 0, 4}}) {
    EXPECT_THROW(s.check(bad), ParseError);
  }
  EXPECT_NO_THROW(s.check({1, 2, 3}));
}

TEST(SearchSpace, EverythingIsValidAndNothingDegenerateByDefault) {
  const CountedSpace s({2, 3, 4});
  EXPECT_TRUE(s.is_valid({1, 2, 3}));
  EXPECT_FALSE(s.is_degenerate({1, 2, 3}));
}

TEST(SearchSpace, FullMaskHasEveryChoiceAlive) {
  const ChoiceMask mask = CountedSpace({2, 3, 4}).full_mask();
  ASSERT_EQ(mask.size(), 3u);
  for (int d = 0; d < 3; ++d) EXPECT_EQ(mask[d], std::vector<bool>(d + 2, true));
}

TEST(SearchSpace, MakeKnowsEverySpaceByItsExactName) {
  for (const char* name : {"nb201", "chain", "darts", "proxyless", "mobilenetv2", "ofa"}) {
    EXPECT_EQ(make_search_space(name)->name(), name);
  }
  for (const char* name : {"NB201", "nb-201", "DARTS", "ProxylessNAS", "mobilenet_v2", "OFA", "Chain", ""}) {
    try {
      make_search_space(name);
      FAIL() << "no throw for '" << name << "'";
    } catch (const ConfigError& e) {
      EXPECT_EQ(std::string(e.what()), "unknown search space '" + std::string(name) + "' (known: nb201, chain, darts, proxyless, mobilenetv2, ofa)");
    }
  }
}

}  // namespace
}  // namespace prpnas::space
