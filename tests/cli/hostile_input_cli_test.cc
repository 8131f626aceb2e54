// Issue 17, "clear, safe error lines" and "resource abuse": hostile or
// careless input gets one short printable line and exit 2, never a flood, a
// terminal escape, a hang or libtorch's allocator.
#include "cli_fixture.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>

namespace prpnas::testing {
namespace {

class HostileInputCli : public CliFixture {
 protected:
  // expect_error, and the line is short and free of control bytes.
  void expect_safe_error(const std::string& args, const std::string& needle) {
    expect_error(args, needle);
    const std::string err = run(args).err;
    EXPECT_LT(err.size(), 1100u) << args;
    for (std::size_t i = 0; i + 1 < err.size(); ++i) {
      const unsigned char c = err[i];
      EXPECT_FALSE(c < 0x20 || c == 0x7f) << args << ": control byte " << int(c) << " at " << i;
    }
  }
  static constexpr const char* kTwo = " --objective accuracy:max --objective latency_ms:min";
};

TEST_F(HostileInputCli, EchoedValuesAreCutAndEscaped) {
  const std::string huge = file("huge.txt", "|" + std::string(12'000'000, 'x') + "\n");
  expect_safe_error("space check --input " + huge, "...'");
  const std::string escape = file("escape.txt", "\x1b]0;owned\x07\x1b[31m|none~0|\n");
  expect_safe_error("space check --input " + escape, "'\\x1b]0;owned\\x07\\x1b[31m|none~0|'");
  // A NUL byte no longer cuts the message short.
  const std::string nul = file("nul.csv", std::string("arch,accuracy,latency_ms\na,9\0" "9,1\n", 31));
  expect_safe_error("pareto rank --input " + nul + kTwo, "'9\\x009' is not a finite decimal number");
  expect_safe_error(std::string("nocommand\x1b[2J"), "unknown command 'nocommand\\x1b[2J'");
}

TEST_F(HostileInputCli, InputsThatAreNotFilesSayWhatTheyAre) {
  expect_safe_error("pareto rank --input " + dir_.string() + kTwo, "is a directory, not a file");
  const std::string fifo = (dir_ / "fifo").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  expect_safe_error("pareto rank --input " + fifo + kTwo, "is a FIFO (named pipe), not a file");
  expect_safe_error("space check --input " + fifo, "is a FIFO (named pipe), not a file");
  expect_safe_error("pareto rank --input /dev/zero" + std::string(kTwo), "/dev/zero: is a device, not a file");
  expect_safe_error("pareto rank --input " + (dir_ / "none.csv").string() + kTwo, "none.csv: no such file");
}

TEST_F(HostileInputCli, OverlongCsvFieldsAreRefused) {
  const std::string wide = file("wide.csv", "arch,accuracy,latency_ms\n" + std::string(70'000, 'a') + ",1,2\n");
  expect_safe_error("pareto rank --input " + wide + kTwo, "wide.csv: line 2: a field longer than 65536 bytes");
}

TEST_F(HostileInputCli, NumbersFollowOneRule) {
  const std::string t = file("t.csv", "arch,accuracy,latency_ms\na, 90 ,3\nb,80,1\n");
  // Spaces around a number are fine on both sides, in cells and options alike.
  EXPECT_EQ(run("pareto rank --input " + t + kTwo).code, 0);
  EXPECT_EQ(run("pareto quality --found " + t + " --truth " + t + kTwo + " --reference 'accuracy= 0 ,latency_ms=9 '").code, 0);
  expect_safe_error("pareto quality --found " + t + " --truth " + t + kTwo + " --reference accuracy=0x1p3,latency_ms=9",
                    "value '0x1p3' of 'accuracy' is not a finite decimal number");
  const std::string hex = file("hex.csv", "arch,accuracy,latency_ms\na,0x10,3\n");
  expect_safe_error("pareto rank --input " + hex + kTwo, "'0x10' is not a finite decimal number");
  // CLI11 alone would read 0x2 as 2, 010 as 8 and -1 as 2^64 - 1.
  expect_safe_error("ground-truth --jobs 0x2 --out x.csv", "--jobs: '0x2' is not a whole number");
  expect_safe_error("ground-truth --seed -1 --out x.csv", "--seed: '-1' is not a whole number >= 0");
  expect_safe_error("ground-truth --lr 1e999 --out x.csv", "--lr: '1e999' is not a finite decimal number");
  expect_safe_error("ground-truth --jobs ' 2' --space nope --out x.csv", "unknown search space 'nope'");
  // A bound is written as the bound, not as 309 digits of the largest double.
  expect_safe_error("experiment --budget -3 --out x", "--budget: '-3' must be at least 1");
  expect_safe_error("ground-truth --jobs 99999999999 --out x.csv", "--jobs = 99999999999");
}

TEST_F(HostileInputCli, AbsurdNetworkShapesAreRefusedBeforeAnyAllocation) {
  const std::string archs = file("a.txt", "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|\n");
  const std::string costs = "space costs --space nb201 --archs " + archs;
  expect_safe_error(costs + " --input 3x100000x100000 --classes 10", "at most 64 channels and 1024x1024 pixels");
  expect_safe_error(costs + " --input 3x32x32 --classes 1000000000", "--classes 1000000000: use 1 to 100000");
}

}  // namespace
}  // namespace prpnas::testing
