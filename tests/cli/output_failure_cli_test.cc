// Issue 17, item 2: output that cannot be written (a full disk; /dev/full
// here) ends with one line and a non-zero exit, for every kind of command:
// CSV through iostreams, lines through fmt, torch-free and torch commands.
#include "cli_fixture.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace prpnas::testing {
namespace {

class OutputFailureCli : public CliFixture {};

TEST_F(OutputFailureCli, AFullStandardOutputIsAnErrorOfOneLine) {
  const std::string table = file("t.csv", "arch,accuracy,latency_ms\na,90,3\nb,80,1\nc,85,2\n");
  const std::string archs = file("archs.txt", "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|\n");
  const std::string err = (dir_ / "err").string();
  std::vector<std::string> commands;
  commands.push_back("pareto rank --input " + table + " --objective accuracy:max --objective latency_ms:min");
  commands.push_back("stats kendall --input " + table + " --x accuracy --y latency_ms");
  commands.push_back("space enumerate --space nb201");
  commands.push_back("space info --space nb201");
  commands.push_back("space costs --space nb201 --input 1x16x16 --classes 10 --archs " + archs);
  for (const std::string& args : commands) {
    const int status = std::system((std::string(PRPNAS_BINARY) + " " + args + " > /dev/full 2> " + err).c_str());
    ASSERT_TRUE(WIFEXITED(status)) << args;
    EXPECT_EQ(WEXITSTATUS(status), 2) << args;
    const std::string message = slurp(err);
    EXPECT_NE(message.find("cannot write to standard output"), std::string::npos) << args << ": " << message;
    EXPECT_EQ(message.find('\n'), message.size() - 1) << args << ": not one line: " << message;
  }
}

}  // namespace
}  // namespace prpnas::testing
