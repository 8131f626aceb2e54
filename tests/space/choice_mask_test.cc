#include "prpnas/space/choice_mask.h"

#include <gtest/gtest.h>

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

TEST(ChoiceMask, ValidAliveSizeCountsOnlyValidArchitectures) {
  const auto nb201 = make_search_space("nb201");
  ChoiceMask alive = nb201->full_mask();
  EXPECT_EQ(valid_alive_size(*nb201, alive), 15625u);  // degenerate cells are valid
  alive[0] = {false, true, false, true, false};
  EXPECT_EQ(valid_alive_size(*nb201, alive), alive_size(*nb201, alive));

  const auto chain = make_search_space("chain");
  EXPECT_EQ(alive_size(*chain, chain->full_mask()), 72u);
  EXPECT_EQ(valid_alive_size(*chain, chain->full_mask()), 60u);
  ChoiceMask skips = chain->full_mask();
  skips[1] = {false, false, true};
  skips[2] = {false, false, true};
  EXPECT_EQ(valid_alive_size(*chain, skips), 0u);
  skips[2] = {true, false, true};  // layer 3 conv3x3: 2 x 1 x 1 x 4
  EXPECT_EQ(valid_alive_size(*chain, skips), 8u);
}

}  // namespace
}  // namespace prpnas::space
