// Runs the real prpnas binary: `space costs`.
#include "cli_fixture.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

using Result = prpnas::testing::CliResult;

class SpaceCostsCli : public prpnas::testing::CliFixture {
 protected:
  std::string archs_file(const std::string& text) { return file("archs.txt", text); }
  Result costs(const std::string& args) { return run("space costs " + args); }
};

TEST_F(SpaceCostsCli, PrintsNasBench201Counts) {
  // Values of data/README.md (NASLib fixture, NATS-Bench issue #36).
  const std::string archs = archs_file(
      "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|\n"
      "\n"
      "|skip_connect~0|+|none~0|nor_conv_3x3~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|\r\n");
  const Result r = costs("--space nb201 --preset paper --input 3x32x32 --classes 10 --archs " + archs);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "arch,params,flops\n"
            "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|,"
            "129306,15647370\n"
            "|skip_connect~0|+|none~0|nor_conv_3x3~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|,"
            "802426,113951370\n");
}

// DARTS's evaluation network (C = 36, 20 cells, CIFAR-10, no auxiliary
// head): DARTS_V2 has the 3,349,342 parameters DARTS's training log prints
// ("param size = 3.349342MB"); its 528 M multiply-adds are the figure other
// papers' tables give. Counted exactly, although DARTS costs are not additive.
TEST_F(SpaceCostsCli, CountsDartsV2AsPublished) {
  const std::string v2 =
      "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), "
      "('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, "
      "5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), "
      "('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, "
      "4, 5])";
  const Result r = costs("--space darts --preset eval --input 3x32x32 --classes 10 --archs " + archs_file(v2 + "\n"));
  ASSERT_EQ(r.code, 0) << r.err;
  const std::vector<std::string> lines = r.lines();
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(lines[0], "arch,params,flops");
  EXPECT_TRUE(lines[1].ends_with("\",3349342,528359050")) << lines[1];  // the genotype is quoted: it holds commas
}

TEST_F(SpaceCostsCli, BadLineNamesFileAndLine) {
  const std::string archs = archs_file("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|\n|nor_conv_5x5~0|+|\n");
  const Result r = costs("--input 3x32x32 --classes 10 --archs " + archs);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(archs + ":2:"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(SpaceCostsCli, BadInputShapeNamesTheOption) {
  const std::string archs = archs_file("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|\n");
  for (const char* shape : {"3x32", "3x-1x32", "x", "3x32x16", "3x30x30"}) {
    const Result r = costs(std::string("--input ") + shape + " --classes 10 --archs " + archs);
    EXPECT_EQ(r.code, 2) << shape;
    EXPECT_NE(r.err.find("--input"), std::string::npos) << shape << ": " << r.err;
  }
  const Result r = costs("--preset huge --input 3x32x32 --classes 10 --archs " + archs);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("paper"), std::string::npos) << r.err;
}

}  // namespace
