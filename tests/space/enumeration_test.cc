#include "prpnas/space/enumeration.h"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "counted_space.h"
#include "prpnas/util/error.h"

namespace prpnas::space {
namespace {

using prpnas::testing::CountedSpace;

TEST(Enumeration, IndexIsMixedRadixWithDecisionZeroMostSignificant) {
  const CountedSpace s({2, 3, 4});
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
  const CountedSpace s({2, 3, 4});
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
  EXPECT_EQ(Enumeration(CountedSpace(std::vector<int>(40, 3))).size(), 12157665459056928801u);  // 3^40
  EXPECT_EQ(Enumeration(CountedSpace(std::vector<int>(63, 2))).size(), std::uint64_t{1} << 63);
  EXPECT_THROW((void)Enumeration(CountedSpace(std::vector<int>(41, 3))), ConfigError);  // 3^41 > 2^64
  EXPECT_THROW((void)Enumeration(CountedSpace(std::vector<int>(64, 2))), ConfigError);  // 2^64
  const CountedSpace seventy(std::vector<int>(70, 2));
  try {
    const Enumeration e(seventy);
    FAIL() << "no throw";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()),
              "search space 'counted' has more than 2^64 architectures; it cannot be enumerated");
  }
}

}  // namespace
}  // namespace prpnas::space
