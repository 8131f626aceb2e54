#include "prpnas/run/joined_column.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "prpnas/util/error.h"

namespace prpnas::run {
namespace {

namespace fs = std::filesystem;

class JoinedColumnTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("prpnas_join_" + std::string(test->name()) + "_" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string csv(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }
  fs::path dir_;
};

TEST_F(JoinedColumnTest, KeepsKeysEveryFileHasInTheFirstFilesOrder) {
  const std::string a = csv("a.csv", "arch,acc\nz,1\ny,2\nx,3\nw,4\n");
  const std::string b = csv("b.csv", "acc,arch\n30,x\n10,z\n50,v\n40,w\n");
  const std::string c = csv("c.csv", "arch,acc,other\nw,400,0\nz,100,0\nx,300,0\n");
  EXPECT_EQ(joined_column({a, b, c}, "arch", "acc"),
            (std::vector<std::vector<double>>{{1, 10, 100}, {3, 30, 300}, {4, 40, 400}}));
  EXPECT_TRUE(joined_column({a, csv("d.csv", "arch,acc\nq,1\n")}, "arch", "acc").empty());
}

TEST_F(JoinedColumnTest, RefusesARepeatedKeyNamingTheLine) {
  const std::string a = csv("a.csv", "arch,acc\nz,1\ny,2\nz,3\n");
  try {
    joined_column({a, a}, "arch", "acc");
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("a.csv:4: 'arch' z appears twice"), std::string::npos) << e.what();
  }
  EXPECT_THROW(joined_column({a, a}, "arch", "missing"), DataError);
}

}  // namespace
}  // namespace prpnas::run
