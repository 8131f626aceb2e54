#include "prpnas/space/enumeration.h"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "prpnas/util/error.h"

namespace prpnas::space {
namespace {

// Decisions with the given numbers of choices; 2, 3, 4 makes mixed radix
// differ from any fixed base.
class RadixSpace : public SearchSpace {
 public:
  explicit RadixSpace(std::vector<int> counts) {
    for (int n : counts) {
      std::vector<std::string> names;
      for (int c = 0; c < n; ++c) names.push_back(fmt::format("op{}", c));
      choices_.push_back(names);
    }
  }
  std::string_view name() const override { return "radix"; }
  int num_decisions() const override { return static_cast<int>(choices_.size()); }
  const std::vector<std::string>& choices(int decision) const override { return choices_.at(decision); }
  std::string decision_name(int decision) const override { return fmt::format("d{}", decision); }
  std::string format(const Architecture&) const override { return ""; }
  Architecture parse(std::string_view) const override { return {}; }

 private:
  std::vector<std::vector<std::string>> choices_;
};

TEST(Enumeration, IndexIsMixedRadixWithDecisionZeroMostSignificant) {
  const RadixSpace s({2, 3, 4});
  const Enumeration e(s);
  EXPECT_EQ(e.size(), 24u);
  EXPECT_EQ(e.at(0), (Architecture{0, 0, 0}));
  EXPECT_EQ(e.at(1), (Architecture{0, 0, 1}));
  EXPECT_EQ(e.at(4), (Architecture{0, 1, 0}));
  EXPECT_EQ(e.at(12), (Architecture{1, 0, 0}));
  EXPECT_EQ(e.at(23), (Architecture{1, 2, 3}));
  for (std::uint64_t i = 0; i < e.size(); ++i) EXPECT_EQ(e.index(e.at(i)), i);
}

TEST(Enumeration, RejectsOutOfRangeIndicesAndArchitectures) {
  const RadixSpace s({2, 3, 4});
  const Enumeration e(s);
  try {
    e.at(24);
    FAIL() << "no throw";
  } catch (const ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("index 24 is out of range"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("(0..23)"), std::string::npos) << error.what();
  }
  for (const Architecture& bad : {Architecture{0, 0}, Architecture{0, 0, 0, 0}, Architecture{2, 0, 0},
                                  Architecture{0, -1, 0}, Architecture{0, 0, 4}}) {
    EXPECT_THROW(e.index(bad), ParseError);
  }
}

TEST(Enumeration, RefusesSpacesPast2To64) {
  EXPECT_EQ(Enumeration(RadixSpace(std::vector<int>(40, 3))).size(), 12157665459056928801u);  // 3^40
  EXPECT_EQ(Enumeration(RadixSpace(std::vector<int>(63, 2))).size(), std::uint64_t{1} << 63);
  EXPECT_THROW((void)Enumeration(RadixSpace(std::vector<int>(41, 3))), ConfigError);  // 3^41 > 2^64
  EXPECT_THROW((void)Enumeration(RadixSpace(std::vector<int>(64, 2))), ConfigError);  // 2^64
  const RadixSpace seventy(std::vector<int>(70, 2));
  try {
    const Enumeration e(seventy);
    FAIL() << "no throw";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()),
              "search space 'radix' has more than 2^64 architectures; it cannot be enumerated");
  }
}

}  // namespace
}  // namespace prpnas::space
