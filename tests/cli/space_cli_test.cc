// Runs the real prpnas binary: `space info|enumerate|sample|check`.
#include "cli_fixture.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "prpnas/space/enumeration.h"
#include "prpnas/space/nb201_space.h"

namespace {

namespace fs = std::filesystem;
using prpnas::space::Nb201Space;

using Result = prpnas::testing::CliResult;

class SpaceCli : public prpnas::testing::CliFixture {
 protected:
  const Nb201Space space_;
};

const std::string kGood = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";
const std::string kDegenerate = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";

TEST_F(SpaceCli, Help) {
  for (const char* command : {"space --help", "space info --help", "space enumerate --help", "space sample --help",
                              "space check --help"}) {
    EXPECT_EQ(run(command).code, 0) << command;
  }
}

TEST_F(SpaceCli, InfoNamesDecisionsChoicesAndCounts) {
  const Result r = run("space info --space nb201");
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* needle : {"nb201", "decisions: 6", "edge 0->1", "edge 2->3",
                             "none skip_connect nor_conv_1x1 nor_conv_3x3 avg_pool_3x3", "architectures: 15625",
                             "valid: 15284 (341 degenerate)"}) {
    EXPECT_NE(r.out.find(needle), std::string::npos) << needle << "\n" << r.out;
  }
  EXPECT_EQ(run("space info").out, r.out);  // nb201 is the default
}

TEST_F(SpaceCli, EnumerateListsEveryArchitectureInIndexOrder) {
  const Result r = run("space enumerate --space nb201");
  ASSERT_EQ(r.code, 0) << r.err;
  const std::vector<std::string> lines = r.lines();
  ASSERT_EQ(lines.size(), 15625u);
  EXPECT_EQ(std::set<std::string>(lines.begin(), lines.end()).size(), 15625u);
  const prpnas::space::Enumeration order(space_);
  for (std::size_t i = 0; i < lines.size(); ++i) ASSERT_EQ(order.index(space_.parse(lines[i])), i) << lines[i];

  const Result valid = run("space enumerate --valid-only");
  ASSERT_EQ(valid.code, 0) << valid.err;
  EXPECT_EQ(valid.lines().size(), 15284u);
  for (const std::string& line : valid.lines()) ASSERT_FALSE(space_.is_degenerate(space_.parse(line))) << line;
}

TEST_F(SpaceCli, SampleIsDeterministicPerSeed) {
  const Result a = run("space sample --space nb201 -n 200 --seed 1");
  ASSERT_EQ(a.code, 0) << a.err;
  ASSERT_EQ(a.lines().size(), 200u);
  for (const std::string& line : a.lines()) EXPECT_NO_THROW(space_.parse(line)) << line;
  EXPECT_EQ(run("space sample -n 200 --seed 1").out, a.out);
  EXPECT_NE(run("space sample -n 200 --seed 2").out, a.out);
  EXPECT_EQ(run("space sample -n 0 --seed 1").out, "");

  const Result valid = run("space sample -n 2000 --seed 3 --valid-only");
  ASSERT_EQ(valid.code, 0) << valid.err;
  ASSERT_EQ(valid.lines().size(), 2000u);
  for (const std::string& line : valid.lines()) EXPECT_FALSE(space_.is_degenerate(space_.parse(line))) << line;
}

TEST_F(SpaceCli, SampleUniqueDrawsWithoutReplacement) {
  // 500 draws with replacement from 15,625 almost surely repeat one (p ~ 0.9996).
  const Result repeated = run("space sample -n 500 --seed 5");
  std::vector<std::string> lines = repeated.lines();
  EXPECT_LT(std::set<std::string>(lines.begin(), lines.end()).size(), 500u);

  const Result r = run("space sample -n 500 --seed 5 --unique");
  ASSERT_EQ(r.code, 0) << r.err;
  lines = r.lines();
  ASSERT_EQ(lines.size(), 500u);
  EXPECT_EQ(std::set<std::string>(lines.begin(), lines.end()).size(), 500u);

  // The whole space, and the whole valid part, can be drawn; one more cannot.
  lines = run("space sample -n 15625 --unique").lines();
  EXPECT_EQ(std::set<std::string>(lines.begin(), lines.end()).size(), 15625u);
  lines = run("space sample -n 15284 --unique --valid-only").lines();
  EXPECT_EQ(std::set<std::string>(lines.begin(), lines.end()).size(), 15284u);
  expect_error("space sample -n 15626 --unique", "cannot draw 15626 unique architectures");
  expect_error("space sample -n 15285 --unique --valid-only", "has only 15284 valid ones");
}

TEST_F(SpaceCli, SampleMixDrawsSeededArchitecturesAndRejectsABadConcentration) {
  const Result r = run("space sample --space proxyless -n 50 --seed 3 --unique --mix 0.3");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.lines().size(), 50u);
  EXPECT_EQ(run("space sample --space proxyless -n 50 --seed 3 --unique --mix 0.3").out, r.out);
  EXPECT_NE(run("space sample --space proxyless -n 50 --seed 3 --unique").out, r.out);
  EXPECT_EQ(run("space check --space proxyless --input " + file("mixed.txt", r.out)).out, "50 architectures OK (0 degenerate)\n");
  for (const char* bad : {"0", "-1", "nan", "x"}) {
    expect_error(std::string("space sample -n 5 --mix ") + bad, "--mix: ");
  }
}

TEST_F(SpaceCli, CheckAcceptsAGoodFile) {
  const std::string input = file("good.txt", kGood + "\n\n" + kDegenerate + "\r\n  \n" + kGood + "\n");
  const Result r = run("space check --space nb201 --input " + input);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "3 architectures OK (1 degenerate)\n");
  // The output of enumerate checks, too.
  const std::string all = file("all.txt", run("space enumerate").out);
  EXPECT_EQ(run("space check --input " + all).out, "15625 architectures OK (341 degenerate)\n");
}

TEST_F(SpaceCli, CheckRejectsTheFirstBadLine) {
  const std::string bad = "|nor_conv_3x3~0|+|conv_3x3~0|none~1|+|none~0|none~1|none~2|";
  const std::string input = file("bad.txt", kGood + "\n\n" + bad + "\n|none~1|\n");
  expect_error("space check --input " + input,
               input + ":3: bad nb201 architecture '" + bad + "': at character 18 expected one of none,");
  expect_error("space check --input " + file("index.txt", kGood + "\n|none~2|+\n"),
               "index.txt:2: bad nb201 architecture '|none~2|+': at character 6 expected '0'");
  expect_error("space check --input " + file("space.txt", kGood + " \n"), "space.txt:1: ");
  expect_error("space check --input " + (dir_ / "missing.txt").string(), "missing.txt: no such file");
  expect_error("space check --input " + file("empty.txt", "\n\n"), "empty.txt: no architecture strings");
}

// The chain space: 72 combinations, 12 with two skips in a row that no
// command lists, draws or accepts.
TEST_F(SpaceCli, ChainSpaceListsDrawsAndChecksOnlyItsSixtyArchitectures) {
  const Result info = run("space info --space chain");
  ASSERT_EQ(info.code, 0) << info.err;
  for (const char* needle : {"space: chain", "decisions: 4", "  0 layer 1: conv3x3 conv5x5",
                             "  3 layer 4: conv3x3 conv5x5 skip avg_pool3x3",
                             "architectures: 60 (of 72 combinations; the other 12 break the space's rule)",
                             "valid: 60 (0 degenerate)"}) {
    EXPECT_NE(info.out.find(needle), std::string::npos) << needle << "\n" << info.out;
  }
  const Result all = run("space enumerate --space chain");
  ASSERT_EQ(all.code, 0) << all.err;
  ASSERT_EQ(all.lines().size(), 60u);
  EXPECT_EQ(all.lines().front(), "conv3x3-conv3x3-conv3x3-conv3x3");
  EXPECT_EQ(run("space check --space chain --input " + file("chain.txt", all.out)).out,
            "60 architectures OK (0 degenerate)\n");

  const Result drawn = run("space sample --space chain -n 60 --unique --seed 4");
  ASSERT_EQ(drawn.code, 0) << drawn.err;
  std::vector<std::string> lines = drawn.lines();
  std::vector<std::string> sorted_all = all.lines();
  std::sort(lines.begin(), lines.end());
  std::sort(sorted_all.begin(), sorted_all.end());
  EXPECT_EQ(lines, sorted_all);
  expect_error("space sample --space chain -n 61 --unique", "space 'chain' has only 60;");
  expect_error("space check --space chain --input " + file("skips.txt", "conv3x3-skip-skip-conv3x3\n"),
               "skips.txt:1: bad chain architecture 'conv3x3-skip-skip-conv3x3': at character 13 layer 3 is skip");
  const prpnas::testing::CliResult costs =
      run("space costs --space chain --input 3x32x32 --classes 10 --archs " + file("c.txt", all.out));
  ASSERT_EQ(costs.code, 0) << costs.err;
  EXPECT_EQ(costs.lines().size(), 61u);  // the header and every valid chain architecture
}

TEST_F(SpaceCli, BadOptions) {
  expect_error("space info --space resnet", "unknown search space 'resnet' (known: nb201, chain, darts, proxyless, mobilenetv2, ofa)");
  expect_error("space enumerate --space NB201", "unknown search space 'NB201'");
  expect_error("space sample --seed 1", "--count is required");
  expect_error("space sample -n -3", "-n: '-3' is not a whole number from 0 to 18446744073709551615");
  expect_error("space sample -n 3 --seed x", "--seed: 'x' is not a whole number");
  expect_error("space sample -n 3 --seed 18446744073709551616", "--seed: '18446744073709551616'");
  expect_error("space check", "--input");
  expect_error("space", "subcommand is required");
}

}  // namespace
