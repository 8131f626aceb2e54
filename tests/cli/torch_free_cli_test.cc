// `prpnas` runs pareto, stats, costs and space (but `space costs`) without
// libtorch, and hands every other command to prpnas-torch beside it.
#include "cli_fixture.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace prpnas::testing {
namespace {

const std::string kTorchProgram = (std::filesystem::path(PRPNAS_BINARY).parent_path() / "prpnas-torch").string();

class TorchFreeCli : public CliFixture {
 protected:
  // The shared objects the dynamic loader maps for `program` (what ldd prints).
  std::string loaded_libraries(const std::string& program) {
    const std::string out = (dir_ / "libs").string();
    EXPECT_EQ(std::system(("LD_TRACE_LOADED_OBJECTS=1 " + program + " > " + out).c_str()), 0);
    return slurp(out);
  }
};

TEST_F(TorchFreeCli, TheFrontProgramDoesNotLoadLibtorchAndTheTorchProgramDoes) {
  EXPECT_EQ(loaded_libraries(PRPNAS_BINARY).find("libtorch"), std::string::npos);
  EXPECT_NE(loaded_libraries(kTorchProgram).find("libtorch"), std::string::npos);
}

// The torch-free commands give what prpnas-torch gives, byte for byte.
TEST_F(TorchFreeCli, BothProgramsAgreeOnTheTorchFreeCommands) {
  const std::string table = file("t.csv", "arch,accuracy,latency_ms\na,90,3\nb,80,1\nc,85,2\nd,70,4\n");
  const std::string archs = file("archs.txt", "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|\n");
  for (const std::string& args : std::vector<std::string>{"pareto rank --input " + table + " --objective accuracy:max --objective latency_ms:min",
        "pareto hv --input " + table + " --objective accuracy:max --objective latency_ms:min --reference accuracy=0,latency_ms=10",
        "stats kendall --input " + table + " --x accuracy --y latency_ms", "space info --space nb201",
        "space sample --space nb201 -n 5 --seed 3", "space check --input " + archs}) {
    const CliResult front = run(args);
    const std::string saved = front.out;
    const std::string out = (dir_ / "torch_out").string();
    ASSERT_EQ(std::system((kTorchProgram + " " + args + " > " + out + " 2>/dev/null").c_str()), 0) << args;
    EXPECT_EQ(front.code, 0) << args << "\n" << front.err;
    EXPECT_EQ(saved, slurp(out)) << args;
    EXPECT_FALSE(saved.empty()) << args;
  }
}

// What the front does not run itself reaches prpnas-torch with its arguments.
TEST_F(TorchFreeCli, OtherCommandsAreHandedOverWithTheirArgumentsAndExitStatus) {
  const CliResult version = run("--version");
  EXPECT_EQ(version.code, 0);
  EXPECT_NE(version.out.find("libtorch"), std::string::npos) << version.out;
  EXPECT_NE(run("space costs --help").out.find("--archs"), std::string::npos);
  expect_error("train --config " + (dir_ / "missing.toml").string() + " --out " + (dir_ / "run").string(),
               "missing.toml");
  expect_error("no-such-command", "unknown command 'no-such-command'");
}

}  // namespace
}  // namespace prpnas::testing
