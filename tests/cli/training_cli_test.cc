// Runs `prpnas train-arch` and `prpnas ground-truth` for real on the synthetic
// dataset (fast), including a run killed mid-way and resumed.
#include "cli_fixture.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "prpnas/util/csv.h"

namespace {

using Result = prpnas::testing::CliResult;

class TrainingCli : public prpnas::testing::CliFixture {
 protected:
  // Synthetic 1x16x16 images, 10 classes; a couple of seconds per architecture.
  const std::string fidelity_ = " --dataset synthetic --valid-size 1000 --train-limit 1000 --epochs 1 --batch-size 64";
};

const std::string kArch = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

TEST_F(TrainingCli, TrainArchWritesMetrics) {
  const std::string out = (dir_ / "run").string();
  const Result r = run("train-arch --arch '" + kArch + "' --out " + out + fidelity_);
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json metrics = nlohmann::json::parse(slurp(dir_ / "run" / "metrics.json"));
  EXPECT_EQ(metrics["arch"], kArch);
  EXPECT_GT(metrics["valid_acc"].get<double>(), 20);  // chance is 10%
  EXPECT_LE(metrics["valid_acc"].get<double>(), 100);
  EXPECT_GT(metrics["params"].get<int64_t>(), 0);
  EXPECT_GT(metrics["flops"].get<int64_t>(), 0);
  EXPECT_EQ(metrics["fidelity"]["epochs"], 1);
  EXPECT_EQ(metrics["fidelity"]["dataset"], "synthetic");
}

TEST_F(TrainingCli, BadInputsExitTwo) {
  const std::string out = " --out " + (dir_ / "run").string();
  expect_error("train-arch --arch '|nor_conv_3x3~0|+|bad~0|' " + out + fidelity_, "at character");
  expect_error("train-arch --arch '" + kArch + "'" + out + fidelity_ + " --epochs 0", "--epochs");
  expect_error("train-arch --arch '" + kArch + "'" + out + fidelity_ + " --lr -1", "--lr");
  expect_error("train-arch --arch '" + kArch + "'" + out + " --dataset fashion-mnist:/nonexistent", "/nonexistent");
  expect_error("train-arch --arch '" + kArch + "'" + out + fidelity_ + " --preset huge", "huge");
  expect_error("ground-truth --out " + (dir_ / "gt.csv").string() + fidelity_, "--samples");
  expect_error("ground-truth --samples 20000 --out " + (dir_ / "gt.csv").string() + fidelity_, "15625");
  expect_error("ground-truth --archs " + file("archs.txt", kArch + "\n|x|\n") + " --out " +
                   (dir_ / "gt.csv").string() + fidelity_,
               "archs.txt:2:");
  // Issue 17: thread and job counts are bounded by the machine (4 x its hardware threads).
  expect_error("train-arch --arch '" + kArch + "'" + out + fidelity_ + " --threads 10000", "--threads = 10000: use 1 to");
  expect_error("ground-truth --samples 2 --jobs 10000 --out " + (dir_ / "gt.csv").string() + fidelity_,
               "--jobs = 10000: use 1 to");
}

TEST_F(TrainingCli, GroundTruthSurvivesAKillAndResumes) {
  const std::string gt = (dir_ / "gt.csv").string();
  const std::string command = "ground-truth --samples 6 --seed 3 --jobs 1 --out " + gt + fidelity_;
  // Start, wait for the first finished row, kill -9 mid-way.
  const std::string background = std::string(PRPNAS_BINARY) + " " + command + " >/dev/null 2>&1 & echo $!";
  std::FILE* pipe = ::popen(background.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  int pid = 0;
  ASSERT_EQ(std::fscanf(pipe, "%d", &pid), 1);
  ::pclose(pipe);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!std::filesystem::exists(gt) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(pid, SIGKILL);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ASSERT_TRUE(std::filesystem::exists(gt)) << "no row within 2 minutes";
  const prpnas::CsvTable partial = prpnas::read_csv(gt);  // whole rows only
  ASSERT_GE(partial.rows.size(), 1u);
  ASSERT_LT(partial.rows.size(), 6u) << "finished before the kill; make the architectures slower";

  const Result resumed = run(command);
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find(std::to_string(partial.rows.size()) + " already in"), std::string::npos) << resumed.err;
  const prpnas::CsvTable full = prpnas::read_csv(gt);
  ASSERT_EQ(full.rows.size(), 6u);
  for (std::size_t i = 0; i < partial.rows.size(); ++i) EXPECT_EQ(full.rows[i], partial.rows[i]);

  // Done: a third run trains nothing; other settings are refused.
  const Result again = run(command);
  EXPECT_NE(again.err.find("0 to train"), std::string::npos) << again.err;
  expect_error("ground-truth --samples 6 --seed 3 --out " + gt + fidelity_ + " --lr 0.05", "other settings");
}

TEST_F(TrainingCli, GroundTruthDoesNotDependOnJobs) {
  const std::string one = (dir_ / "one.csv").string(), two = (dir_ / "two.csv").string();
  ASSERT_EQ(run("ground-truth --samples 4 --jobs 1 --out " + one + fidelity_).code, 0);
  ASSERT_EQ(run("ground-truth --samples 4 --jobs 2 --out " + two + fidelity_).code, 0);
  const prpnas::CsvTable a = prpnas::read_csv(one), b = prpnas::read_csv(two);
  ASSERT_EQ(a.rows.size(), 4u);
  ASSERT_EQ(b.rows.size(), 4u);
  // Same architectures, same accuracies and losses, whatever order they finished in.
  std::map<std::string, std::vector<std::string>> by_arch;
  for (const auto& row : a.rows) by_arch[row[0]] = {row[1], row[2], row[7]};
  for (const auto& row : b.rows) {
    ASSERT_TRUE(by_arch.count(row[0])) << row[0];
    EXPECT_EQ(by_arch[row[0]], (std::vector<std::string>{row[1], row[2], row[7]})) << row[0];
  }
}

}  // namespace
