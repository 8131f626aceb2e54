// Runs the real prpnas binary: `space costs`.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct Result {
  int code;
  std::string out, err;
};

class SpaceCostsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("prpnas_space_costs_cli_" + std::to_string(getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string file(const std::string& text) {
    const fs::path path = dir_ / "archs.txt";
    std::ofstream(path) << text;
    return path.string();
  }

  Result run(const std::string& args) {
    const fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    const int status = std::system((std::string(PRPNAS_BINARY) + " space costs " + args + " >" + out.string() +
                                    " 2>" + err.string())
                                       .c_str());
    auto slurp = [](const fs::path& p) {
      std::stringstream s;
      s << std::ifstream(p).rdbuf();
      return s.str();
    };
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  }

  fs::path dir_;
};

TEST_F(SpaceCostsCli, PrintsNasBench201Counts) {
  // Values of data/README.md (NASLib fixture, NATS-Bench issue #36).
  const std::string archs = file(
      "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|\n"
      "\n"
      "|skip_connect~0|+|none~0|nor_conv_3x3~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|\r\n");
  const Result r = run("--space nb201 --preset paper --input 3x32x32 --classes 10 --archs " + archs);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "arch,params,flops\n"
            "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|,"
            "129306,15647370\n"
            "|skip_connect~0|+|none~0|nor_conv_3x3~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|,"
            "802426,113951370\n");
}

TEST_F(SpaceCostsCli, BadLineNamesFileAndLine) {
  const std::string archs = file("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|\n|nor_conv_5x5~0|+|\n");
  const Result r = run("--input 3x32x32 --classes 10 --archs " + archs);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(archs + ":2:"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(SpaceCostsCli, BadInputShapeNamesTheOption) {
  const std::string archs = file("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|\n");
  for (const char* shape : {"3x32", "3x-1x32", "x", "3x32x16", "3x30x30"}) {
    const Result r = run(std::string("--input ") + shape + " --classes 10 --archs " + archs);
    EXPECT_EQ(r.code, 2) << shape;
    EXPECT_NE(r.err.find("--input"), std::string::npos) << shape << ": " << r.err;
  }
  const Result r = run("--preset huge --input 3x32x32 --classes 10 --archs " + archs);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("paper"), std::string::npos) << r.err;
}

}  // namespace
