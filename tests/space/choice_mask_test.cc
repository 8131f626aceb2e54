#include "prpnas/space/choice_mask.h"

#include <gtest/gtest.h>

#include <set>

#include "prpnas/util/error.h"

namespace prpnas::space {
namespace {

TEST(ChoiceMask, CheckMaskNamesTheProblem) {
  const auto space = make_search_space("nb201");
  ChoiceMask alive = space->full_mask();
  EXPECT_NO_THROW(check_mask(*space, alive));
  alive[3].assign(5, false);
  try {
    check_mask(*space, alive);
    FAIL() << "no throw";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("row 3"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("no alive choice"), std::string::npos) << e.what();
  }
  alive = space->full_mask();
  alive[1].pop_back();
  EXPECT_THROW(check_mask(*space, alive), ConfigError);
  alive = space->full_mask();
  alive.pop_back();
  EXPECT_THROW(check_mask(*space, alive), ConfigError);
}

TEST(ChoiceMask, AliveChoicesAndUsesOnlyAlive) {
  const ChoiceMask alive = {{true, false, true}, {false, true}};
  EXPECT_EQ(alive_choices(alive, 0), (std::vector<int>{0, 2}));
  EXPECT_EQ(alive_choices(alive, 1), (std::vector<int>{1}));
  EXPECT_TRUE(uses_only_alive(alive, {2, 1}));
  EXPECT_FALSE(uses_only_alive(alive, {1, 1}));
  EXPECT_FALSE(uses_only_alive(alive, {0, 2}));
  EXPECT_FALSE(uses_only_alive(alive, {0}));
}

TEST(ChoiceMask, SampleAliveDrawsEveryAliveChoiceAndNoDeadOne) {
  const auto space = make_search_space("nb201");
  ChoiceMask alive = space->full_mask();
  alive[0] = {false, true, false, true, false};
  alive[5] = {false, false, false, false, true};
  std::mt19937_64 rng(3);
  std::vector<std::set<int>> seen(6);
  for (int i = 0; i < 2000; ++i) {
    const Architecture a = sample_alive(*space, alive, rng);
    ASSERT_TRUE(uses_only_alive(alive, a));
    for (int d = 0; d < 6; ++d) seen[d].insert(a[d]);
  }
  EXPECT_EQ(seen[0], (std::set<int>{1, 3}));
  EXPECT_EQ(seen[5], (std::set<int>{4}));
  EXPECT_EQ(seen[2].size(), 5u);
  // Same seed, same architectures; draws are rng() % n (portable).
  std::mt19937_64 a(42), b(42), c(42);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(sample_alive(*space, alive, a), sample_alive(*space, alive, b));
  const Architecture first = sample_alive(*space, alive, c);
  std::mt19937_64 raw(42);
  const std::vector<int> d0 = {1, 3};
  EXPECT_EQ(first[0], d0[raw() % 2]);
  EXPECT_EQ(first[1], static_cast<int>(raw() % 5));
  alive[2].assign(5, false);
  EXPECT_THROW(sample_alive(*space, alive, rng), ConfigError);
}

}  // namespace
}  // namespace prpnas::space
