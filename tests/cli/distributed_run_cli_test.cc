// Issue 22's acceptance on 127.0.0.1: a 2-rank PRP run against one process,
// and a rank killed with SIGKILL mid-run. The ranks of the kill test are
// started as torchrun would (RANK, WORLD_SIZE, a store), without `prpnas
// launch`, so that it is the surviving rank itself that notices.
#include "cli_fixture.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <thread>
#include <vector>

#include "prpnas/util/csv.h"

namespace {

namespace fs = std::filesystem;
using Result = prpnas::testing::CliResult;
using Clock = std::chrono::steady_clock;

// Starts rank `rank` of 2 in the background, as torchrun would (a FileStore
// in `dir`, a timeout of `timeout` s); returns its pid.
pid_t start_rank(int rank, const fs::path& dir, const std::string& args, const std::string& err, int timeout) {
  const pid_t pid = fork();
  if (pid == 0) {
    setenv("RANK", std::to_string(rank).c_str(), 1);
    setenv("WORLD_SIZE", "2", 1);
    setenv("PRPNAS_STORE_FILE", (dir / "store").c_str(), 1);
    setenv("PRPNAS_DIST_TIMEOUT", std::to_string(timeout).c_str(), 1);
    const std::string command = "exec " + std::string(PRPNAS_BINARY) + " " + args + " >/dev/null 2>" + err;
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

// Waits until `csv` has at least `rows` rows (or 120 s).
void wait_for_rows(const fs::path& csv, std::size_t rows) {
  const auto deadline = Clock::now() + std::chrono::seconds(120);
  while (Clock::now() < deadline) {
    if (fs::exists(csv) && prpnas::read_csv(csv.string()).rows.size() >= rows) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

class DistributedRunCli : public prpnas::testing::CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    lut_ = (dir_ / "lut.csv").string();
    const Result r = run("lut measure --space nb201 --preset default --input 1x16x16 --classes 10 --repeats 3 "
                         "--warmup 1 --out " + lut_);
    ASSERT_EQ(r.code, 0) << r.err;
  }

  // 10 fairness steps, 50 Step 2 iterations at batch 32 on 16x16 images.
  std::string config() {
    return file("run.toml", R"(seed = 5
threads = 1
[network]
space = "nb201"
preset = "default"
[data]
dataset = "synthetic"
valid_size = 1000
train_limit = 2000
valid_limit = 300
[training]
batch_size = 32
budget_images = 3200
fairness_share = 0.5
[alpha]
samples = 16
top_n = 4
learning_rate = 0.05
[ranking]
pool = 40
[pruning]
every = 5
[evaluation]
recalibration_batches = 1
batch_size = 100
valid_images = 200
every = 10
final_sample = 20
truth = ")" + std::string(PRPNAS_SOURCE_DIR) + R"(/data/ground_truth/seed1_first30.csv"
lut = ")" + lut_ + R"("
[front]
max_candidates = 16
[checkpoint]
every = 4
)");
  }

  std::string train(const std::string& out) { return "train --config " + config() + " --out " + out; }
  std::string launch(const std::string& args) { return "launch --nproc 2 --timeout 20 -- prpnas " + args; }

  std::string lut_;
};

TEST_F(DistributedRunCli, TwoRanksTrainLikeOneProcess) {
  const std::string one = (dir_ / "one").string(), two = (dir_ / "two").string();
  const Result single = run(train(one));
  ASSERT_EQ(single.code, 0) << single.err;
  const Result pair = run(launch(train(two)));
  ASSERT_EQ(pair.code, 0) << pair.err;
  EXPECT_NE(pair.err.find("distributed: rank 0 of 2"), std::string::npos) << pair.err;
  EXPECT_EQ(pair.err.find("rank 1"), std::string::npos) << "rank 1 printed: " << pair.err;
  // The same schedule; step 1's loss (before any update) bit for bit; then
  // float sums in another order, whose last bits training amplifies
  // (docs/CLUSTER.md), so only the first steps are compared closely.
  const prpnas::CsvTable a = prpnas::read_csv(one + "/log.csv"), b = prpnas::read_csv(two + "/log.csv");
  ASSERT_EQ(a.rows.size(), b.rows.size());
  EXPECT_EQ(a.rows[0][3], b.rows[0][3]) << "step 1 weight loss";
  for (int step = 1; step < 3; ++step) {
    EXPECT_NEAR(std::stod(a.rows[step][3]), std::stod(b.rows[step][3]), 1e-3 * std::stod(a.rows[step][3]));
  }
  for (const char* f : {"front.csv", "summary.json", "checkpoint", "alpha.csv"}) {
    EXPECT_TRUE(fs::exists(fs::path(two) / f)) << f;
  }
}

TEST_F(DistributedRunCli, AKilledRankStopsTheOtherAndARerunEndsAsAnUninterruptedRun) {
  const std::string whole = (dir_ / "whole").string(), killed = (dir_ / "killed").string();
  const Result uninterrupted = run(launch(train(whole)));
  ASSERT_EQ(uninterrupted.code, 0) << uninterrupted.err;
  const std::size_t total = prpnas::read_csv(whole + "/log.csv").rows.size();

  const std::string err0 = (dir_ / "rank0.err").string();
  const pid_t rank0 = start_rank(0, dir_, train(killed), err0, 10);
  const pid_t rank1 = start_rank(1, dir_, train(killed), "/dev/null", 10);
  wait_for_rows(fs::path(killed) / "log.csv", total / 3);
  ::kill(rank1, SIGKILL);  // sh execs the program: this is the rank itself
  const auto killed_at = Clock::now();
  int status = 0;
  ASSERT_EQ(waitpid(rank0, &status, 0), rank0);
  const double seconds = std::chrono::duration<double>(Clock::now() - killed_at).count();
  waitpid(rank1, nullptr, 0);
  ASSERT_FALSE(fs::exists(fs::path(killed) / "summary.json")) << "finished before the kill; make the run longer";
  EXPECT_LT(seconds, 10 + 5) << "rank 0 waited past the timeout";
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  const std::string message = slurp(err0);
  EXPECT_NE(message.find("lost rank 1"), std::string::npos) << message;

  const Result rerun = run(launch(train(killed)));
  ASSERT_EQ(rerun.code, 0) << rerun.err;
  EXPECT_NE(rerun.err.find("resuming"), std::string::npos) << rerun.err;
  for (const char* f : {"alpha.csv", "mask.csv", "front.csv", "pool.csv"}) {
    EXPECT_EQ(slurp(fs::path(killed) / f), slurp(fs::path(whole) / f)) << f;
  }
  prpnas::testing::expect_same_log_but_time(killed + "/log.csv", whole + "/log.csv");
}

// The ground truth across 2 ranks holds the rows one process trains
// (architectures in another order; timings aside), and a killed rank stops
// the other, whose rerun completes the file.
class DistributedGroundTruthCli : public prpnas::testing::CliFixture {
 protected:
  std::string command(const std::string& out, int epochs = 1) {
    return "ground-truth --space nb201 --samples 8 --seed 1 --dataset synthetic --valid-size 1000 --train-limit 500 "
           "--epochs " + std::to_string(epochs) + " --batch-size 64 --out " + out;
  }
  // arch -> its cells but the two timings, for comparing files in any order.
  static std::map<std::string, std::vector<std::string>> results(const std::string& path) {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& row : prpnas::read_csv(path).rows) out[row[0]] = {row[1], row[2], row[3], row[4], row[7]};
    return out;
  }
};

TEST_F(DistributedGroundTruthCli, TwoRanksWriteTheRowsOfOneProcess) {
  const std::string one = (dir_ / "one.csv").string(), two = (dir_ / "two.csv").string();
  const Result single = run(command(one));
  ASSERT_EQ(single.code, 0) << single.err;
  const Result pair = run("launch --nproc 2 --timeout 20 -- prpnas " + command(two) + " --jobs 1");
  ASSERT_EQ(pair.code, 0) << pair.err;
  EXPECT_NE(pair.err.find("on each of 2 ranks"), std::string::npos) << pair.err;
  EXPECT_EQ(results(two), results(one));
  EXPECT_EQ(results(one).size(), 8u);
  // Resuming a complete file trains nothing.
  const Result again = run("launch --nproc 2 -- prpnas " + command(two));
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_NE(again.err.find("0 to train"), std::string::npos) << again.err;
}

TEST_F(DistributedGroundTruthCli, AKilledRankStopsTheOtherAndARerunCompletesTheFile) {
  const std::string gt = (dir_ / "gt.csv").string(), err0 = (dir_ / "rank0.err").string();
  const std::string args = command(gt, 3);  // long enough to kill mid-way
  const pid_t rank0 = start_rank(0, dir_, args, err0, 5), rank1 = start_rank(1, dir_, args, "/dev/null", 5);
  wait_for_rows(gt, 2);
  ASSERT_TRUE(fs::exists(gt)) << slurp(err0);
  ::kill(rank1, SIGKILL);
  const auto killed_at = Clock::now();
  int status = 0;
  ASSERT_EQ(waitpid(rank0, &status, 0), rank0);
  const double seconds = std::chrono::duration<double>(Clock::now() - killed_at).count();
  waitpid(rank1, nullptr, 0);
  const std::size_t kept = prpnas::read_csv(gt).rows.size();
  ASSERT_LT(kept, 8u) << "finished before the kill; make it longer";
  EXPECT_LT(seconds, 5 + 10) << "rank 0 waited past the timeout (and one architecture)";
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  const std::string message = slurp(err0);
  EXPECT_NE(message.find("lost rank 1"), std::string::npos) << message;

  const Result rerun = run("launch --nproc 2 -- prpnas " + args);
  ASSERT_EQ(rerun.code, 0) << rerun.err;
  EXPECT_NE(rerun.err.find(std::to_string(kept) + " already in"), std::string::npos) << rerun.err;
  EXPECT_EQ(prpnas::read_csv(gt).rows.size(), 8u);
}

// An experiment across 2 ranks: its runs are handed to the ranks whole, so
// its results are one process's (wall times aside). Its ground truth is made
// as above.
class DistributedExperimentCli : public DistributedGroundTruthCli {};

TEST_F(DistributedExperimentCli, TwoRanksRunAnExperimentAsOneProcess) {
  const std::string lut = (dir_ / "lut.csv").string(), gt = (dir_ / "gt.csv").string();
  ASSERT_EQ(run("lut measure --input 1x16x16 --classes 10 --repeats 3 --warmup 1 --out " + lut).code, 0);
  ASSERT_EQ(run(command(gt)).code, 0);
  const std::string config = file("tiny.toml", R"(seed = 3
threads = 1
[data]
dataset = "synthetic"
valid_size = 1000
train_limit = 2000
valid_limit = 300
[training]
batch_size = 32
budget_images = 1280
fairness_share = 0.625
[alpha]
samples = 16
top_n = 4
[ranking]
pool = 20
[evaluation]
recalibration_batches = 1
batch_size = 100
valid_images = 200
final_sample = 12
truth = ")" + gt + R"("
lut = ")" + lut + R"("
[front]
max_candidates = 8
)");
  const std::string one = (dir_ / "one").string(), two = (dir_ / "two").string();
  const std::string args = "experiment --config " + config + " --methods spos,prp,fairnas --jobs 1 --seeds 0-1 --out ";
  const Result single = run(args + one);
  ASSERT_EQ(single.code, 0) << single.err;
  const Result pair = run("launch --nproc 2 --timeout 30 -- prpnas " + args + two);
  ASSERT_EQ(pair.code, 0) << pair.err;
  EXPECT_NE(pair.err.find("rank 0 of 2 trains"), std::string::npos) << pair.err;
  for (const char* seed : {"seed-0", "seed-1"}) {
    const prpnas::CsvTable a = prpnas::read_csv(one + "/" + seed + "/results.csv");
    const prpnas::CsvTable b = prpnas::read_csv(two + "/" + seed + "/results.csv");
    ASSERT_EQ(a.header, b.header);
    ASSERT_EQ(a.rows.size(), b.rows.size());
    for (std::size_t r = 0; r < a.rows.size(); ++r) {
      for (std::size_t c = 0; c < a.header.size(); ++c) {
        if (a.header[c].find("seconds") != std::string::npos) continue;
        EXPECT_EQ(a.rows[r][c], b.rows[r][c]) << seed << " row " << r << " " << a.header[c];
      }
    }
    for (const char* method : {"spos", "prp", "fairnas"}) {
      EXPECT_EQ(slurp(fs::path(one) / seed / method / "front.csv"), slurp(fs::path(two) / seed / method / "front.csv"));
    }
  }
  ASSERT_EQ(fs::exists(one + "/ground_truth.csv"), fs::exists(two + "/ground_truth.csv"));
  if (fs::exists(one + "/ground_truth.csv")) {
    EXPECT_EQ(results(one + "/ground_truth.csv"), results(two + "/ground_truth.csv"));
  }
}

}  // namespace
