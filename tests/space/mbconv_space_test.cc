#include "prpnas/space/mbconv_space.h"

#include <gtest/gtest.h>

#include <fmt/core.h>

#include <random>
#include <string>

#include "prpnas/space/enumeration.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::space {
namespace {

std::string parse_error(const SearchSpace& space, const std::string& text) {
  try {
    space.parse(text);
  } catch (const ParseError& e) {
    return e.what();
  }
  ADD_FAILURE() << "parsed: " << text;
  return "";
}

std::string all(const char* token, int layers) {
  std::string text;
  for (int i = 0; i < layers; ++i) {
    if (i > 0) text += ' ';
    text += token;
  }
  return text;
}

TEST(MbConvSpace, ProxylessHas21LayersWithSkipOffTheStagesFirstLayers) {
  const auto space = make_search_space("proxyless");
  ASSERT_EQ(space->num_decisions(), 21);
  int first_layers = 0;
  for (int d = 0; d < 21; ++d) {
    const bool first = d == 0 || d == 4 || d == 8 || d == 12 || d == 16 || d == 20;
    first_layers += first;
    EXPECT_EQ(space->choices(d).size(), first ? 6u : 7u) << space->decision_name(d);
    EXPECT_EQ(space->choices(d)[0], "k3e3");
    EXPECT_EQ(space->choices(d)[5], "k7e6");
  }
  EXPECT_EQ(first_layers, 6);
  EXPECT_EQ(space->decision_name(5), "stage 2 layer 2");
  EXPECT_EQ(widest_decision(*space), 7);
  // 6^6 x 7^15, every combination a valid, distinct network.
  EXPECT_EQ(Enumeration(*space).size(), 46656ull * 4747561509943ull);
  EXPECT_EQ(make_search_space("mobilenetv2")->num_decisions(), 16);
}

int widest_decision_index(const SearchSpace& space) {
  int widest = 0;
  for (int d = 0; d < space.num_decisions(); ++d) {
    if (space.choices(d).size() > space.choices(widest).size()) widest = d;
  }
  return widest;
}

TEST(MbConvSpace, KernelAndExpansionOfEachChoice) {
  for (const char* name : {"proxyless", "ofa"}) {
    const auto space = make_search_space(name);
    const auto& mbconv = dynamic_cast<const MbConvSpace&>(*space);
    const std::vector<std::string>& choices = space->choices(widest_decision_index(*space));
    ASSERT_EQ(choices.back(), "skip") << name;
    EXPECT_TRUE(mbconv.is_skip(static_cast<int>(choices.size()) - 1));
    for (int c = 0; c + 1 < static_cast<int>(choices.size()); ++c) {
      EXPECT_FALSE(mbconv.is_skip(c));
      EXPECT_EQ(fmt::format("k{}e{}", mbconv.kernel(c), mbconv.expansion(c)), choices[c]);
    }
  }
}

TEST(MbConvSpace, OfaHas20LayersOfNineBlocksAndDepthTwoToFour) {
  const auto space = make_search_space("ofa");
  ASSERT_EQ(space->num_decisions(), 20);
  for (int d = 0; d < 20; ++d) {
    const bool skippable = d % 4 >= 2;  // the third and fourth layer of each stage
    EXPECT_EQ(space->choices(d).size(), skippable ? 10u : 9u) << space->decision_name(d);
    EXPECT_EQ(space->choices(d)[1], "k3e4");
  }
  // So 9^10 x 10^10, about 3.5e19 strings, too many to enumerate in 64
  // bits. OFA counts (9^2 + 9^3 + 9^4)^5, about 2.2e19 networks: a skipped
  // third layer followed by a fourth is a depth-3 stage here too, with the
  // fourth layer's weights.
  EXPECT_THROW(Enumeration(*space).size(), Error);
  EXPECT_EQ(space->parse("k3e3 k3e4 skip k7e6" + all(" k3e3", 16))[2], 9);
  const std::string e = parse_error(*space, "k3e3 k3e5" + all(" k3e3", 18));
  EXPECT_NE(e.find("at character 5 expected one of k3e3, k3e4, k3e6, k5e3, k5e4, k5e6, k7e3, k7e4, k7e6 (stage 1 "
                   "layer 2), found 'k3e5'"),
            std::string::npos) << e;
  const std::string f = parse_error(*space, "k3e3 skip" + all(" k3e3", 18));
  EXPECT_NE(f.find("at character 5 found skip on stage 1 layer 2: a stage keeps at least its first 2 layers"),
            std::string::npos) << f;
}

TEST(MbConvSpace, SampledArchitecturesRoundTrip) {
  const auto space = make_search_space("proxyless");
  std::mt19937_64 rng(5);
  for (int i = 0; i < 500; ++i) {
    const Architecture arch = sample_uniform(*space, rng);
    EXPECT_EQ(space->parse(space->format(arch)), arch);
  }
  // Any run of spaces, tabs or newlines separates tokens.
  const std::string text = all("k3e6", 21);
  EXPECT_EQ(space->parse("  " + text + "\t\n"), space->parse(text));
}

TEST(MbConvSpace, BadStringsNameThePositionAndTheRule) {
  const auto space = make_search_space("proxyless");
  const std::string good = all("k5e3", 21);
  std::string e = parse_error(*space, "k3e6 k9e6" + good.substr(9));
  EXPECT_NE(e.find("at character 5 expected one of k3e3, k3e6, k5e3, k5e6, k7e3, k7e6, skip (stage 1 layer 2), found 'k9e6'"),
            std::string::npos) << e;
  e = parse_error(*space, "k3e6 k3e6 k3e6 k3e6 skip" + good.substr(24));
  EXPECT_NE(e.find("at character 20 found skip on stage 2 layer 1, the first layer of its stage"), std::string::npos) << e;
  e = parse_error(*space, "skip" + good.substr(4));
  EXPECT_NE(e.find("at character 0 found skip on stage 1 layer 1"), std::string::npos) << e;
  e = parse_error(*space, all("k3e3", 20));
  EXPECT_NE(e.find("expected 21 layers, found 20"), std::string::npos) << e;
  e = parse_error(*space, good + " k3e3");
  EXPECT_NE(e.find("at character 105 expected the end (21 layers), found 'k3e3'"), std::string::npos) << e;
  EXPECT_NE(parse_error(*space, "").find("expected 21 layers, found 0"), std::string::npos);
}

}  // namespace
}  // namespace prpnas::space
