// Every training method, on NB201 and on the chain test space (ragged
// choices and a validity rule), killed with kill -9 mid-run and started
// again, ends with exactly the files of an uninterrupted run (wall time
// aside). The chain runs also prove that the training stack holds no NB201:
// Step 1, rank steps, pruning, the front from alpha and the judgement all
// run on a space with 2, 3, 3 and 4 choices per decision.
#include "cli_fixture.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "prpnas/space/search_space.h"
#include "prpnas/util/csv.h"

namespace {

namespace fs = std::filesystem;
using Result = prpnas::testing::CliResult;

struct Case {
  const char* space;
  const char* method;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.space << "/" << c.method; }

class ResumeCli : public prpnas::testing::CliFixture, public ::testing::WithParamInterface<Case> {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    const std::string space = GetParam().space;
    lut_ = (dir_ / "lut.csv").string();
    const Result r = run("lut measure --space " + space + " --preset " + preset() +
                         " --input 1x16x16 --classes 10 --repeats 3 --warmup 1 --out " + lut_);
    ASSERT_EQ(r.code, 0) << r.err;
  }

  std::string preset() const { return std::string(GetParam().space) == "chain" ? "small" : "default"; }

  // A made-up truth for the chain space: 20 valid architectures with an
  // accuracy that grows with the convolutions they use.
  std::string truth() {
    if (std::string(GetParam().space) == "nb201") {
      return std::string(PRPNAS_SOURCE_DIR) + "/data/ground_truth/seed1_first30.csv";
    }
    const auto space = prpnas::space::make_search_space("chain");
    std::string csv = "arch,valid_acc\n";
    int rows = 0;
    for (int a = 0; a < 2 && rows < 20; ++a)
      for (int b = 0; b < 3 && rows < 20; ++b)
        for (int c = 0; c < 3 && rows < 20; ++c)
          for (int d = 0; d < 4 && rows < 20; ++d) {
            const prpnas::space::Architecture arch = {a, b, c, d};
            if (!space->is_valid(arch)) continue;
            csv += space->format(arch) + "," + std::to_string(50 + 5 * a + 3 * (b < 2) + 3 * (c < 2) + 2 * d) + "\n";
            ++rows;
          }
    return file("truth.csv", csv);
  }

  // 10 fairness steps, 50 Step 2 iterations (PRP) at batch 32 on 16x16 images.
  std::string config() {
    return file("run.toml", "seed = 5\nthreads = 1\n[network]\nspace = \"" + std::string(GetParam().space) +
                                "\"\npreset = \"" + preset() + R"("
[data]
dataset = "synthetic"
valid_size = 1000
train_limit = 2000
valid_limit = 300
[training]
batch_size = 32
)" + "budget_images = " + (std::string(GetParam().space) == "chain" ? "2880" : "3200") + R"(
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
truth = ")" + truth() + R"("
lut = ")" + lut_ + R"("
[front]
max_candidates = 16
[checkpoint]
every = 4
)");
  }

  // Starts `args`, waits until a third of `total` steps are logged in
  // `dir`/log.csv, and kills it with SIGKILL.
  void start_and_kill(const std::string& args, const std::string& dir, int64_t total) {
    std::FILE* pipe = ::popen((std::string(PRPNAS_BINARY) + " " + args + " >/dev/null 2>&1 & echo $!").c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    int pid = 0;
    ASSERT_EQ(std::fscanf(pipe, "%d", &pid), 1);
    ::pclose(pipe);
    const fs::path log = fs::path(dir) / "log.csv";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < deadline) {
      if (fs::exists(log) && static_cast<int64_t>(prpnas::read_csv(log.string()).rows.size()) >= total / 3) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(pid, SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }

  std::string lut_;
};

TEST_P(ResumeCli, AKilledRunEndsAsAnUninterruptedOne) {
  const std::string cfg = config(), method = GetParam().method;
  const std::string whole = (dir_ / "whole").string(), killed = (dir_ / "killed").string();
  const std::string args = "train --method " + method + " --config " + cfg + " --out ";
  const Result r = run(args + whole);
  ASSERT_EQ(r.code, 0) << r.err;

  // Start, wait until a third of the steps are logged, kill -9.
  start_and_kill(args + killed, killed, prpnas::read_csv(whole + "/log.csv").rows.size());
  ASSERT_FALSE(fs::exists(fs::path(killed) / "summary.json")) << "finished before the kill; make the run longer";

  const Result resumed = run(args + killed);
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("resuming"), std::string::npos) << resumed.err;
  for (const char* f : {"alpha.csv", "mask.csv", "front.csv"}) {
    EXPECT_EQ(slurp(fs::path(killed) / f), slurp(fs::path(whole) / f)) << f;
  }
  prpnas::testing::expect_same_log_but_time(killed + "/log.csv", whole + "/log.csv");
}

// Issue 17, items 3 and 5: a bit flipped in the newest checkpoint is caught
// by its checksum and the run resumes from the one before, ending as an
// uninterrupted run; the temporary files a kill -9 leaves are removed.
class Interruption : public ResumeCli {};

TEST_P(Interruption, ADamagedCheckpointIsReportedAndTheRunResumesFromThePreviousOne) {
  const std::string cfg = config(), method = GetParam().method;
  const std::string whole = (dir_ / "whole").string(), killed = (dir_ / "killed").string();
  const std::string args = "train --method " + method + " --config " + cfg + " --out ";
  ASSERT_EQ(run(args + whole).code, 0);
  start_and_kill(args + killed, killed, prpnas::read_csv(whole + "/log.csv").rows.size());
  ASSERT_FALSE(fs::exists(fs::path(killed) / "summary.json")) << "finished before the kill; make the run longer";
  ASSERT_TRUE(fs::exists(fs::path(killed) / "checkpoint"));
  ASSERT_TRUE(fs::exists(fs::path(killed) / "checkpoint.previous"));
  std::ofstream(fs::path(killed) / "log.csv.tmp.Ab3dEf") << "left by a killed writer";
  {
    std::fstream checkpoint(fs::path(killed) / "checkpoint", std::ios::in | std::ios::out | std::ios::binary);
    checkpoint.seekg(0, std::ios::end);
    const std::streamoff middle = checkpoint.tellg() / 2;
    checkpoint.seekg(middle);
    const char byte = static_cast<char>(checkpoint.get());
    checkpoint.seekp(middle);
    checkpoint.put(static_cast<char>(byte ^ 0x10));
  }
  const Result resumed = run(args + killed);
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("checkpoint is damaged"), std::string::npos) << resumed.err;
  EXPECT_NE(resumed.err.find("resuming from the one before it"), std::string::npos) << resumed.err;
  for (const char* f : {"alpha.csv", "mask.csv", "front.csv"}) {
    EXPECT_EQ(slurp(fs::path(killed) / f), slurp(fs::path(whole) / f)) << f;
  }
  prpnas::testing::expect_same_log_but_time(killed + "/log.csv", whole + "/log.csv");
  for (const auto& entry : fs::directory_iterator(killed)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos) << entry.path();
  }
}

// Issue 17, signals: SIGTERM mid-run writes a checkpoint after the current
// step (not only at checkpoint.every), ends with one line and 143, and the
// run resumes from that step to an uninterrupted run's files.
TEST_P(Interruption, SigtermCheckpointsTheCurrentStepAndExits143) {
  const std::string cfg = config(), method = GetParam().method;
  const std::string whole = (dir_ / "whole").string(), stopped = (dir_ / "stopped").string();
  const std::string args = "train --method " + method + " --config " + cfg + " --out ";
  ASSERT_EQ(run(args + whole).code, 0);
  const int64_t total = prpnas::read_csv(whole + "/log.csv").rows.size();
  const std::string pid_file = (dir_ / "pid").string(), code_file = (dir_ / "code").string();
  const std::string err_file = (dir_ / "stopped.err").string();
  const std::string script = std::string(PRPNAS_BINARY) + " " + args + stopped + " >/dev/null 2>" + err_file +
                             " & echo $! > " + pid_file + "; wait $!; echo $? > " + code_file;
  std::thread runner([&] { std::system(("bash -c '" + script + "'").c_str()); });
  const fs::path log = fs::path(stopped) / "log.csv";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    if (fs::exists(log) && static_cast<int64_t>(prpnas::read_csv(log.string()).rows.size()) >= total / 3) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(std::stoi(slurp(pid_file)), SIGTERM);
  runner.join();
  EXPECT_EQ(slurp(code_file), "143\n");
  const std::string err = slurp(err_file);
  const std::size_t stop = err.find("prpnas: " + stopped + ": stopped by SIGTERM at step ");
  ASSERT_NE(stop, std::string::npos) << err;
  EXPECT_EQ(err.find('\n', stop), err.size() - 1) << err;
  const Result resumed = run(args + stopped);
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  for (const char* f : {"alpha.csv", "mask.csv", "front.csv", "alpha_history.csv"}) {
    EXPECT_EQ(slurp(fs::path(stopped) / f), slurp(fs::path(whole) / f)) << f;
  }
  prpnas::testing::expect_same_log_but_time(stopped + "/log.csv", whole + "/log.csv");
}

INSTANTIATE_TEST_SUITE_P(ChainPrp, Interruption, ::testing::Values(Case{"chain", "prp"}),
                         [](const ::testing::TestParamInfo<Case>&) { return std::string("chain_prp"); });

INSTANTIATE_TEST_SUITE_P(EveryMethodAndSpace, ResumeCli,
                         ::testing::Values(Case{"nb201", "prp"}, Case{"nb201", "prp-no-pruning"},
                                           Case{"nb201", "fairnas"}, Case{"nb201", "spos"}, Case{"chain", "prp"},
                                           Case{"chain", "prp-no-pruning"}, Case{"chain", "fairnas"},
                                           Case{"chain", "spos"}, Case{"nb201", "prp-coupled"},
                                           Case{"chain", "prp-coupled"}),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string name = std::string(info.param.space) + "_" + info.param.method;
                           for (char& c : name) c = (c == '-') ? '_' : c;
                           return name;
                         });

}  // namespace

namespace {

// The chain test space through the whole stack, with what a PRP run on it
// must show: a ragged alpha and mask, rank steps, pruning in Step 2 only,
// the judgement, and a front of valid architectures that use alive choices.
class ChainRun : public ResumeCli {};

TEST_P(ChainRun, PrpTrainsRanksPrunesAndJudgesARaggedSpace) {
  const std::string out = (dir_ / "run").string();
  const Result r = run("train --method prp --config " + config() + " --out " + out);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("front"), std::string::npos) << r.out;

  const prpnas::CsvTable alpha = prpnas::read_csv(out + "/alpha.csv"), mask = prpnas::read_csv(out + "/mask.csv");
  ASSERT_EQ(alpha.rows.size(), 12u);  // 2 + 3 + 3 + 4 choices
  EXPECT_EQ(alpha.rows[0][alpha.column("decision")], "layer 1");
  EXPECT_EQ(alpha.rows[11][alpha.column("choice")], "avg_pool3x3");
  int pruned = 0;
  for (const auto& row : mask.rows) {
    if (row[mask.column("alive")] == "1") continue;
    ++pruned;
    EXPECT_GT(std::stoi(row[mask.column("pruned_at_step")]), 11) << "pruned in Step 1";
  }
  EXPECT_GE(pruned, 1) << "Step 3 never pruned in 46 alpha steps";

  // 1440 path-images buy 11 Step 1 steps of 4 paths (the widest layer), the
  // other 1472 buy 46 Step 2 iterations.
  const prpnas::CsvTable log = prpnas::read_csv(out + "/log.csv");
  ASSERT_EQ(log.rows.size(), 57u);
  EXPECT_EQ(log.rows[10][log.column("phase")], "fairness");
  EXPECT_EQ(log.rows[11][log.column("phase")], "pareto-rank");
  EXPECT_FALSE(log.rows[20][log.column("alpha_loss")].empty());
  EXPECT_FALSE(log.rows[56][log.column("kendall_supernet")].empty());
  EXPECT_FALSE(log.rows[56][log.column("kendall_alpha")].empty());
  EXPECT_FALSE(log.rows[56][log.column("hypervolume")].empty());

  const auto space = prpnas::space::make_search_space("chain");
  const prpnas::CsvTable front = prpnas::read_csv(out + "/front.csv");
  ASSERT_FALSE(front.rows.empty());
  for (const auto& row : front.rows) {
    const prpnas::space::Architecture arch = space->parse(row[0]);  // throws for an invalid one
    for (std::size_t d = 0; d < arch.size(); ++d) {
      int offset = 0;
      for (std::size_t e = 0; e < d; ++e) offset += static_cast<int>(space->choices(static_cast<int>(e)).size());
      EXPECT_EQ(mask.rows[offset + arch[d]][mask.column("alive")], "1") << row[0] << " uses a pruned choice";
    }
  }

  // search over the trained chain supernet: only valid architectures.
  const std::string found = (dir_ / "found.csv").string();
  const Result s = run("search --run " + out + " --algorithm nsga2 --budget 20 --population 4 --out " + found);
  ASSERT_EQ(s.code, 0) << s.err;
  for (const auto& row : prpnas::read_csv(found).rows) EXPECT_TRUE(space->is_valid(space->parse(row[0])));
}

INSTANTIATE_TEST_SUITE_P(Chain, ChainRun, ::testing::Values(Case{"chain", "prp"}),
                         [](const ::testing::TestParamInfo<Case>&) { return std::string("prp"); });

}  // namespace
