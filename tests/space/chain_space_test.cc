#include "prpnas/space/chain_space.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "prpnas/space/enumeration.h"
#include "prpnas/util/error.h"

namespace prpnas::space {
namespace {

TEST(ChainSpace, DecisionsAndChoices) {
  const ChainSpace s;
  EXPECT_EQ(s.name(), "chain");
  ASSERT_EQ(s.num_decisions(), 4);
  const std::vector<std::string> two = {"conv3x3", "conv5x5"};
  const std::vector<std::string> three = {"conv3x3", "conv5x5", "skip"};
  const std::vector<std::string> four = {"conv3x3", "conv5x5", "skip", "avg_pool3x3"};
  EXPECT_EQ(s.choices(0), two);
  EXPECT_EQ(s.choices(1), three);
  EXPECT_EQ(s.choices(2), three);
  EXPECT_EQ(s.choices(3), four);
  for (int d = 0; d < 4; ++d) EXPECT_EQ(s.decision_name(d), "layer " + std::to_string(d + 1));
  EXPECT_EQ(Enumeration(s).size(), 72u);
  EXPECT_EQ(make_search_space("chain")->name(), "chain");
}

// Independent of is_valid: layers whose op is named "skip", pairwise.
bool chain_brute_force_valid(const ChainSpace& s, const Architecture& arch) {
  for (int d = 1; d < 4; ++d) {
    if (s.choices(d - 1)[arch[d - 1]] == "skip" && s.choices(d)[arch[d]] == "skip") return false;
  }
  return true;
}

TEST(ChainSpace, ExactlySixtyOfTheSeventyTwoAreValid) {
  const ChainSpace s;
  const Enumeration e(s);
  int valid = 0;
  for (std::uint64_t i = 0; i < e.size(); ++i) {
    const Architecture arch = e.at(i);
    EXPECT_EQ(s.is_valid(arch), chain_brute_force_valid(s, arch)) << s.format(arch);
    EXPECT_FALSE(s.is_degenerate(arch));
    valid += s.is_valid(arch) ? 1 : 0;
  }
  EXPECT_EQ(valid, 60);
  EXPECT_FALSE(s.is_valid({0, 2, 2, 0}));
  EXPECT_FALSE(s.is_valid({1, 0, 2, 2}));
  EXPECT_TRUE(s.is_valid({0, 2, 0, 2}));
}

TEST(ChainSpace, FormatParseRoundTripOverAllCombinations) {
  const ChainSpace s;
  const Enumeration e(s);
  std::set<std::string> texts;
  for (std::uint64_t i = 0; i < e.size(); ++i) {
    const Architecture arch = e.at(i);
    const std::string text = s.format(arch);
    texts.insert(text);
    if (s.is_valid(arch)) {
      EXPECT_EQ(s.parse(text), arch) << text;
    } else {
      try {
        s.parse(text);
        ADD_FAILURE() << "accepted invalid '" << text << "'";
      } catch (const ParseError& error) {
        EXPECT_NE(std::string(error.what()).find("no two consecutive skip layers"), std::string::npos)
            << error.what();
      }
    }
  }
  EXPECT_EQ(texts.size(), 72u);
  EXPECT_EQ(s.format({0, 2, 1, 3}), "conv3x3-skip-conv5x5-avg_pool3x3");
  EXPECT_EQ(s.parse("conv3x3-skip-conv5x5-avg_pool3x3"), (Architecture{0, 2, 1, 3}));
  EXPECT_THROW(s.format({0, 0, 0}), ParseError);
  EXPECT_THROW(s.format({2, 0, 0, 0}), ParseError);  // layer 1 has no skip
}

struct ChainBadString {
  std::string text;
  std::string message;  // the whole error after "bad chain architecture '<text>': "
};

TEST(ChainSpace, ParseErrorsNameThePositionAndWhatWasExpected) {
  const std::vector<ChainBadString> cases = {
      {"", "at character 0 expected one of conv3x3, conv5x5 (layer 1), found the end of the text"},
      {"skip-conv3x3-conv3x3-conv3x3",
       "at character 0 expected one of conv3x3, conv5x5 (layer 1), found 'skip-...'"},
      {"conv3x3", "at character 7 expected '-' before layer 2, found the end of the text"},
      {"conv3x3+conv3x3-conv3x3-conv3x3",
       "at character 7 expected '-' before layer 2, found '+conv3x3-...'"},
      {"conv3x3-conv7x7-conv3x3-conv3x3",
       "at character 8 expected one of conv3x3, conv5x5, skip (layer 2), found 'conv7x7-...'"},
      {"conv3x3-Conv5x5-conv3x3-conv3x3",
       "at character 8 expected one of conv3x3, conv5x5, skip (layer 2), found 'Conv5x5-...'"},
      {"conv3x3-conv3x3-conv3x3-avg_pool",
       "at character 24 expected one of conv3x3, conv5x5, skip, avg_pool3x3 (layer 4), found 'avg_pool'"},
      {"conv3x3-conv3x3-conv3x3-conv3x3-",
       "at character 31 expected the end of the text (layer 4 is the last layer), found '-'"},
      {"conv3x3-conv3x3-skip-skip",
       "at character 21 layer 4 is skip like layer 3; the chain space allows no two consecutive skip layers"},
      {"conv5x5-skip-skip-conv3x3",
       "at character 13 layer 3 is skip like layer 2; the chain space allows no two consecutive skip layers"},
  };
  const ChainSpace s;
  for (const ChainBadString& c : cases) {
    try {
      s.parse(c.text);
      ADD_FAILURE() << "accepted '" << c.text << "'";
    } catch (const ParseError& error) {
      EXPECT_EQ(std::string(error.what()), "bad chain architecture '" + c.text + "': " + c.message);
    }
  }
}

}  // namespace
}  // namespace prpnas::space
