// Issue 17, items 1, 6 and 8 and signals: one writer per ground-truth file,
// rows read back are checked, a missing folder fails before any training, and
// SIGTERM keeps whole rows.
#include "cli_fixture.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "prpnas/util/csv.h"

namespace prpnas::testing {
namespace {

class ConcurrentWritersCli : public CliFixture {
 protected:
  const std::string fidelity_ = " --dataset synthetic --valid-size 1000 --train-limit 1000 --epochs 1 --batch-size 64";
};

// Two processes on one --out used to both exit 0 with half the rows lost.
TEST_F(ConcurrentWritersCli, ASecondGroundTruthProcessOnTheSameFileIsRefused) {
  const std::string gt = (dir_ / "gt.csv").string();
  const std::string first = std::string(PRPNAS_BINARY) + " ground-truth --samples 6 --seed 1 --out " + gt + fidelity_ +
                            " > " + (dir_ / "first.out").string() + " 2>&1; echo $? > " + (dir_ / "first.code").string();
  std::thread runner([&] { std::system(first.c_str()); });
  // Wait until the first process holds the lock and has written its PID.
  for (int i = 0; i < 200 && slurp(gt + ".lock").empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const CliResult second = run("ground-truth --samples 6 --seed 1 --out " + gt + fidelity_);
  runner.join();
  EXPECT_EQ(second.code, 2) << second.err;
  EXPECT_NE(second.err.find("is in use by process"), std::string::npos) << second.err;
  EXPECT_EQ(slurp(dir_ / "first.code"), "0\n") << slurp(dir_ / "first.out");
  std::ifstream in(gt);
  int lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  EXPECT_EQ(lines, 7);  // header + every row the first process trained
}

TEST_F(ConcurrentWritersCli, AResumedRowOutOfRangeIsRefusedNamingTheLine) {
  const std::string gt = (dir_ / "gt.csv").string();
  ASSERT_EQ(run("ground-truth --samples 2 --seed 1 --out " + gt + fidelity_).code, 0);
  std::string text = slurp(gt);
  const std::size_t second_line = text.find('\n') + 1;
  const std::size_t cell = text.find(',', second_line) + 1;
  text.replace(cell, text.find(',', cell) - cell, "1e999");
  std::ofstream(gt) << text;
  expect_error("ground-truth --samples 3 --seed 1 --out " + gt + fidelity_, "gt.csv: line 2, column 'valid_acc'");
}

TEST_F(ConcurrentWritersCli, AMissingOutputFolderFailsBeforeTraining) {
  const CliResult r = run("ground-truth --samples 2 --seed 1 --out " + (dir_ / "missing" / "gt.csv").string() + fidelity_);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("missing/gt.csv.lock"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("ground-truth: 1/"), std::string::npos) << "trained before failing: " << r.out;
  EXPECT_EQ(r.err.find("ground-truth: 1/"), std::string::npos) << "trained before failing: " << r.err;
}

// SIGTERM stops the architectures in flight at their next batch: one line,
// exit 143, whole rows only; the same command then finishes the file.
TEST_F(ConcurrentWritersCli, SigtermStopsGroundTruthWithWholeRowsAndItResumes) {
  const std::string gt = (dir_ / "gt.csv").string();
  const std::string args = " ground-truth --samples 8 --seed 1 --out " + gt + fidelity_;
  const std::string pid_file = (dir_ / "pid").string(), code_file = (dir_ / "code").string();
  const std::string err_file = (dir_ / "err").string();
  const std::string script = std::string(PRPNAS_BINARY) + args + " >/dev/null 2>" + err_file + " & echo $! > " +
                             pid_file + "; wait $!; echo $? > " + code_file;
  std::thread runner([&] { std::system(("bash -c '" + script + "'").c_str()); });
  for (int i = 0; i < 400 && !std::filesystem::exists(gt); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  ::kill(std::stoi(slurp(pid_file)), SIGTERM);
  runner.join();
  EXPECT_EQ(slurp(code_file), "143\n");
  const std::string err = slurp(err_file);
  const std::size_t stop = err.find("stopped by SIGTERM");
  ASSERT_NE(stop, std::string::npos) << err;
  EXPECT_EQ(err.find('\n', stop), err.size() - 1) << err;
  const CsvTable partial = read_csv(gt);  // whole rows, checked
  EXPECT_LT(partial.rows.size(), 8u);
  ASSERT_EQ(run(args).code, 0);
  EXPECT_EQ(read_csv(gt).rows.size(), 8u);
}

// Two `train` processes on one run directory.
TEST_F(ConcurrentWritersCli, ARunDirectoryHasOneProcessAtATime) {
  const std::string out = (dir_ / "run").string();
  std::filesystem::create_directories(out);
  // Hold the run directory's lock as a running `train` would.
  const std::string hold = "exec 9>" + out + "/lock && flock -n 9 && echo 4242 >&9 && sleep 3";
  std::thread holder([&] { std::system(("bash -c '" + hold + "'").c_str()); });
  for (int i = 0; i < 100 && slurp(out + "/lock").empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  expect_error("train --config " + std::string(PRPNAS_SOURCE_DIR) + "/configs/chain.toml --out " + out, "in use by process 4242");
  holder.join();
}

}  // namespace
}  // namespace prpnas::testing
