// `prpnas train` end to end on the synthetic dataset: a run killed with
// kill -9 and started again ends with the alpha of an uninterrupted run;
// configuration mistakes are one-line errors naming the key.
#include "cli_fixture.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "prpnas/util/csv.h"

namespace {

using Result = prpnas::testing::CliResult;

class TrainCli : public prpnas::testing::CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    lut_ = (dir_ / "lut.csv").string();
    const Result r = run("lut measure --input 1x16x16 --classes 10 --repeats 3 --warmup 1 --out " + lut_);
    ASSERT_EQ(r.code, 0) << r.err;
  }

  // 20 fairness steps and 60 Step 2 iterations at batch 32 on 16x16 images.
  std::string config() {
    return file("quick.toml", R"(seed = 3
threads = 1
[data]
dataset = "synthetic"
valid_size = 1000
train_limit = 2000
valid_limit = 300
[training]
batch_size = 32
budget_images = 5120
fairness_share = 0.625
[alpha]
samples = 16
top_n = 4
learning_rate = 0.05
[ranking]
pool = 40
[pruning]
every = 10
[evaluation]
recalibration_batches = 1
batch_size = 100
valid_images = 200
final_sample = 20
truth = ")" + std::string(PRPNAS_SOURCE_DIR) + R"(/data/ground_truth/seed1_first30.csv"
lut = ")" + lut_ + R"("
[front]
max_candidates = 16
[checkpoint]
every = 5
)");
  }

  std::string lut_;
};

TEST_F(TrainCli, AKilledRunResumesToTheAlphaOfAnUninterruptedOne) {
  const std::string cfg = config();
  const std::string whole = (dir_ / "whole").string(), killed = (dir_ / "killed").string();
  const Result r = run("train --method prp --config " + cfg + " --out " + whole);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Kendall tau-b"), std::string::npos) << r.out;
  for (const char* f : {"config.toml", "log.csv", "alpha.csv", "mask.csv", "pool.csv", "front.csv", "summary.json",
                        "checkpoint"}) {
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(whole) / f)) << f;
  }

  // Start, wait until step 25 is checkpointed (Step 2 has begun), kill -9.
  const std::string background = std::string(PRPNAS_BINARY) + " train --method prp --config " + cfg + " --out " +
                                 killed + " >/dev/null 2>&1 & echo $!";
  std::FILE* pipe = ::popen(background.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  int pid = 0;
  ASSERT_EQ(std::fscanf(pipe, "%d", &pid), 1);
  ::pclose(pipe);
  const auto log = std::filesystem::path(killed) / "log.csv";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    if (std::filesystem::exists(log) && prpnas::read_csv(log.string()).rows.size() >= 25) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ::kill(pid, SIGKILL);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ASSERT_FALSE(std::filesystem::exists(std::filesystem::path(killed) / "summary.json"))
      << "finished before the kill; make the run longer";

  const Result resumed = run("train --method prp --config " + cfg + " --out " + killed);
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("resuming"), std::string::npos) << resumed.err;
  for (const char* f : {"alpha.csv", "mask.csv", "front.csv", "pool.csv"}) {
    EXPECT_EQ(slurp(std::filesystem::path(killed) / f), slurp(std::filesystem::path(whole) / f)) << f;
  }
  // The logs agree on everything but wall time.
  const prpnas::CsvTable a = prpnas::read_csv(whole + "/log.csv"), b = prpnas::read_csv(killed + "/log.csv");
  ASSERT_EQ(a.rows.size(), 80u);
  ASSERT_EQ(b.rows.size(), 80u);
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    for (std::size_t c = 0; c + 1 < a.header.size(); ++c) EXPECT_EQ(a.rows[i][c], b.rows[i][c]) << i << "," << c;
  }

  // Finished: a third run does nothing; other settings are refused.
  const Result again = run("train --method prp --config " + cfg + " --out " + killed);
  EXPECT_NE(again.err.find("already finished"), std::string::npos) << again.err;
  expect_error("train --method spos --config " + cfg + " --out " + killed, "other settings");
}

TEST_F(TrainCli, ConfigurationMistakesNameTheKey) {
  int runs = 0;  // each case its own run directory: a claimed one would refuse other settings
  auto out = [&] { return " --out " + (dir_ / ("run" + std::to_string(++runs))).string(); };
  expect_error("train --config " + file("a.toml", "[pruning]\nevry = 3\n") + out(), "unknown key 'pruning.evry'");
  expect_error("train --config " + file("b.toml", "[front]\nkeep_ratio = \"half\"\n") + out(), "front.keep_ratio");
  expect_error("train --config " + file("bad.toml", "seed = [1,\n") + out(), "bad.toml:");
  expect_error("train --method darts --config " + config() + out(), "unknown method 'darts'");
  expect_error("train --config " + file("c.toml", "[alpha]\ntop_n = 99\n") + out(), "top_n");
  expect_error("train --config " + file("d.toml", "[evaluation]\ntruth = \"\"\nlut = \"" + lut_ + "\"\n") + out(),
               "was measured on the network");  // a 16x16 LUT for 28x28 Fashion-MNIST
  expect_error("train --config " + file("t.toml", "[evaluation]\ntruth = \"nowhere.csv\"\n") + out(),
               "evaluation.truth = 'nowhere.csv'");
}

}  // namespace
