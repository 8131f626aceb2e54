#include "prpnas/space/search_space.h"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include "prpnas/util/error.h"

namespace prpnas::space {
namespace {

// Decisions with any numbers of choices.
class FakeSpace : public SearchSpace {
 public:
  explicit FakeSpace(std::vector<int> counts) {
    for (int n : counts) {
      std::vector<std::string> names;
      for (int c = 0; c < n; ++c) names.push_back(fmt::format("op{}", c));
      choices_.push_back(names);
    }
  }
  std::string_view name() const override { return "fake"; }
  int num_decisions() const override { return static_cast<int>(choices_.size()); }
  const std::vector<std::string>& choices(int decision) const override { return choices_.at(decision); }
  std::string decision_name(int decision) const override { return fmt::format("d{}", decision); }
  std::string format(const Architecture&) const override { return ""; }
  Architecture parse(std::string_view) const override { return {}; }

 private:
  std::vector<std::vector<std::string>> choices_;
};

TEST(SearchSpace, CheckRejectsWrongLengthsAndOutOfRangeChoices) {
  const FakeSpace s({2, 3, 4});
  for (const Architecture& bad : {Architecture{0, 0}, Architecture{0, 0, 0, 0}, Architecture{2, 0, 0},
                                  Architecture{0, -1, 0}, Architecture{0, 0, 4}}) {
    EXPECT_THROW(s.check(bad), ParseError);
  }
  EXPECT_NO_THROW(s.check({1, 2, 3}));
}

TEST(SearchSpace, EverythingIsValidAndNothingDegenerateByDefault) {
  const FakeSpace s({2, 3, 4});
  EXPECT_TRUE(s.is_valid({1, 2, 3}));
  EXPECT_FALSE(s.is_degenerate({1, 2, 3}));
}

TEST(SearchSpace, FullMaskHasEveryChoiceAlive) {
  const ChoiceMask mask = FakeSpace({2, 3, 4}).full_mask();
  ASSERT_EQ(mask.size(), 3u);
  for (int d = 0; d < 3; ++d) EXPECT_EQ(mask[d], std::vector<bool>(d + 2, true));
}

TEST(SearchSpace, MakeKnowsNb201AndChain) {
  EXPECT_EQ(make_search_space("nb201")->name(), "nb201");
  EXPECT_EQ(make_search_space("chain")->name(), "chain");
  for (const char* name : {"NB201", "nb-201", "darts", "Chain", ""}) {
    try {
      make_search_space(name);
      FAIL() << "no throw for '" << name << "'";
    } catch (const ConfigError& e) {
      EXPECT_EQ(std::string(e.what()), "unknown search space '" + std::string(name) + "' (known: nb201, chain)");
    }
  }
}

}  // namespace
}  // namespace prpnas::space
