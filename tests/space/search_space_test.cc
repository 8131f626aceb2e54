#include "prpnas/space/search_space.h"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include "prpnas/util/error.h"

namespace prpnas::space {
namespace {

// Decisions with 2, 3 and 4 choices, so that mixed radix differs from any
// fixed base.
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

TEST(SearchSpace, IndexIsMixedRadixWithDecisionZeroMostSignificant) {
  const FakeSpace s({2, 3, 4});
  EXPECT_EQ(s.size(), 24u);
  EXPECT_EQ(s.at(0), (Architecture{0, 0, 0}));
  EXPECT_EQ(s.at(1), (Architecture{0, 0, 1}));
  EXPECT_EQ(s.at(4), (Architecture{0, 1, 0}));
  EXPECT_EQ(s.at(12), (Architecture{1, 0, 0}));
  EXPECT_EQ(s.at(23), (Architecture{1, 2, 3}));
  for (std::uint64_t i = 0; i < s.size(); ++i) EXPECT_EQ(s.index(s.at(i)), i);
}

TEST(SearchSpace, RejectsOutOfRangeIndicesAndArchitectures) {
  const FakeSpace s({2, 3, 4});
  try {
    s.at(24);
    FAIL() << "no throw";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("index 24 is out of range"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("(0..23)"), std::string::npos) << e.what();
  }
  for (const Architecture& bad : {Architecture{0, 0}, Architecture{0, 0, 0, 0}, Architecture{2, 0, 0},
                                  Architecture{0, -1, 0}, Architecture{0, 0, 4}}) {
    EXPECT_THROW(s.check(bad), ParseError);
    EXPECT_THROW(s.index(bad), ParseError);
  }
  EXPECT_NO_THROW(s.check({1, 2, 3}));
}

TEST(SearchSpace, SizeRefusesToOverflow) {
  EXPECT_EQ(FakeSpace(std::vector<int>(40, 3)).size(), 12157665459056928801u);  // 3^40
  EXPECT_THROW(FakeSpace(std::vector<int>(41, 3)).size(), ConfigError);          // 3^41 > 2^64
}

TEST(SearchSpace, FullMaskHasEveryChoiceAlive) {
  const ChoiceMask mask = FakeSpace({2, 3, 4}).full_mask();
  ASSERT_EQ(mask.size(), 3u);
  for (int d = 0; d < 3; ++d) EXPECT_EQ(mask[d], std::vector<bool>(d + 2, true));
}

TEST(SearchSpace, SampleStaysInRange) {
  const FakeSpace s({2, 3, 4});
  std::mt19937_64 rng(7);
  for (int i = 0; i < 1000; ++i) EXPECT_NO_THROW(s.check(s.sample(rng)));
}

TEST(SearchSpace, MakeKnowsNb201Only) {
  EXPECT_EQ(make_search_space("nb201")->name(), "nb201");
  for (const char* name : {"NB201", "nb-201", "darts", ""}) {
    try {
      make_search_space(name);
      FAIL() << "no throw for '" << name << "'";
    } catch (const ConfigError& e) {
      EXPECT_EQ(std::string(e.what()), "unknown search space '" + std::string(name) + "' (known: nb201)");
    }
  }
}

}  // namespace
}  // namespace prpnas::space
