#include "prpnas/eval/ground_truth_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "prpnas/util/error.h"

namespace prpnas::eval {
namespace {

namespace fs = std::filesystem;

class GroundTruthFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / "prpnas_gt_test";
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "gt.csv").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string path_;
  const nlohmann::json fidelity_ = {{"epochs", 2}, {"dataset", "fashion-mnist"}};
};

TEST_F(GroundTruthFileTest, AppendsRowsThatSurviveReopening) {
  {
    GroundTruthFile file(path_, fidelity_);
    EXPECT_EQ(file.size(), 0u);
    EXPECT_FALSE(fs::exists(path_));  // nothing written before the first row
    file.append({"|a~0|", 91.25, 90.5, 1234, 56789, 12.5, 800, 0.25});
    file.append({"|b~0|", 10, 10, 1, 2, 3, 4, 2.3});
  }
  GroundTruthFile again(path_, fidelity_);
  EXPECT_EQ(again.size(), 2u);
  EXPECT_TRUE(again.contains("|a~0|"));
  EXPECT_FALSE(again.contains("|c~0|"));
  const CsvTable table = read_csv(path_);
  EXPECT_EQ(table.header, GroundTruthFile::columns());
  EXPECT_EQ(table.numbers("valid_acc"), (std::vector<double>{91.25, 10}));
  EXPECT_EQ(table.numbers("flops"), (std::vector<double>{56789, 2}));
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos);
  }
}

TEST_F(GroundTruthFileTest, RefusesToMixFidelities) {
  GroundTruthFile(path_, fidelity_).append({"|a~0|", 1, 1, 1, 1, 1, 1, 1});
  EXPECT_THROW(GroundTruthFile(path_, {{"epochs", 3}, {"dataset", "fashion-mnist"}}), ConfigError);
  fs::remove(path_ + ".json");
  EXPECT_THROW(GroundTruthFile(path_, fidelity_), DataError);
}

TEST_F(GroundTruthFileTest, RejectsAForeignCsv) {
  std::ofstream(path_) << "arch,accuracy\nx,1\n";
  std::ofstream(path_ + ".json") << fidelity_.dump();
  EXPECT_THROW(GroundTruthFile(path_, fidelity_), DataError);
}

}  // namespace
}  // namespace prpnas::eval
