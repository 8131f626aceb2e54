#include "prpnas/run/ground_truth_run.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "prpnas/space/chain_space.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::run {
namespace {

namespace fs = std::filesystem;

class GroundTruthRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("prpnas_gtrun_" + std::string(test->name()) + "_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    request_.out = (dir_ / "gt.csv").string();
    request_.samples = 8;
    request_.fidelity.train.seed = 5;
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  GroundTruthRequest request_;
  const space::Nb201Space nb201_;
};

TEST_F(GroundTruthRunTest, DrawsDistinctArchitecturesWithTheTrainingSeed) {
  const auto archs = ground_truth_architectures(nb201_, "", 8, 5);
  EXPECT_EQ(archs, space::distinct_sample(nb201_, 8, 5));
  EXPECT_EQ(std::set<space::Architecture>(archs.begin(), archs.end()).size(), 8u);
  const GroundTruthRun run(request_);
  EXPECT_EQ(run.architectures(), archs);
  EXPECT_EQ(run.missing(), archs);  // a new file holds none
  EXPECT_EQ(run.rows(), 0u);
}

TEST_F(GroundTruthRunTest, AFileOfArchitecturesWinsOverSamples) {
  const std::string path = (dir_ / "archs.txt").string();
  const space::Architecture a{1, 2, 3, 0, 1, 2}, b{3, 3, 3, 3, 3, 3};
  std::ofstream(path) << nb201_.format(a) << "\n\n" << nb201_.format(b) << "\n";
  EXPECT_EQ(ground_truth_architectures(nb201_, path, 8, 5), (std::vector<space::Architecture>{a, b}));
}

TEST_F(GroundTruthRunTest, RefusesNoSamplesAndMoreThanTheSpaceHolds) {
  EXPECT_THROW(ground_truth_architectures(nb201_, "", 0, 5), ConfigError);
  EXPECT_THROW(ground_truth_architectures(nb201_, "", 15626, 5), ConfigError);
  EXPECT_EQ(ground_truth_architectures(nb201_, "", 15625, 5).size(), 15625u);
  // chain forbids some combinations: only the valid ones count.
  const space::ChainSpace chain;
  const std::uint64_t valid = space::valid_alive_size(chain, chain.full_mask());
  EXPECT_EQ(ground_truth_architectures(chain, "", static_cast<int>(valid), 1).size(), valid);
  EXPECT_THROW(ground_truth_architectures(chain, "", static_cast<int>(valid) + 1, 1), ConfigError);
}

TEST_F(GroundTruthRunTest, ResumesWithTheRowsTheFileHolds) {
  const auto archs = ground_truth_architectures(nb201_, "", 8, 5);
  {
    const nlohmann::json fidelity = request_.fidelity.to_json();
    eval::GroundTruthFile file(request_.out, fidelity);
    for (int i : {1, 4, 6}) file.append({nb201_.format(archs[i]), 50, 50, 1, 1, 1, 1, 1});
  }
  GroundTruthRun run(request_);
  EXPECT_EQ(run.rows(), 3u);
  EXPECT_EQ(run.missing(), (std::vector<space::Architecture>{archs[0], archs[2], archs[3], archs[5], archs[7]}));

  GroundTruthRequest other = request_;
  other.fidelity.train.epochs += 1;  // a file made at other settings is refused
  EXPECT_THROW(GroundTruthRun{other}, ConfigError);
}

TEST_F(GroundTruthRunTest, NothingMissingTrainsNothing) {
  const auto archs = ground_truth_architectures(nb201_, "", 2, 5);
  request_.samples = 2;
  request_.fidelity.data.spec = "no-such-dataset";  // never loaded
  {
    const nlohmann::json fidelity = request_.fidelity.to_json();
    eval::GroundTruthFile file(request_.out, fidelity);
    for (const auto& arch : archs) file.append({nb201_.format(arch), 50, 50, 1, 1, 1, 1, 1});
  }
  GroundTruthRun run(request_);
  EXPECT_TRUE(run.missing().empty());
  EXPECT_EQ(run.train(nullptr), 0u);
}

}  // namespace
}  // namespace prpnas::run
