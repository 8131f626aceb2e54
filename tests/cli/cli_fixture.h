// Shared by the CLI tests: a temporary folder per test and a way to run the
// real prpnas binary (PRPNAS_BINARY) and look at its exit code and output.
#ifndef PRPNAS_TESTS_CLI_CLI_FIXTURE_H_
#define PRPNAS_TESTS_CLI_CLI_FIXTURE_H_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "prpnas/util/csv.h"

namespace prpnas::testing {

struct CliResult {
  int code;
  std::string out, err;

  std::vector<std::string> lines() const {
    std::vector<std::string> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
  std::string last_line() const {
    const auto all = lines();
    return all.empty() ? "" : all.back();
  }
};

// Two log.csv files agree row by row in every column but the wall time.
inline void expect_same_log_but_time(const std::string& got_path, const std::string& want_path) {
  const CsvTable got = read_csv(got_path), want = read_csv(want_path);
  ASSERT_EQ(got.header, want.header);
  ASSERT_EQ(got.rows.size(), want.rows.size()) << got_path;
  const std::size_t seconds = want.column("seconds");
  for (std::size_t i = 0; i < want.rows.size(); ++i) {
    for (std::size_t c = 0; c < want.header.size(); ++c) {
      if (c == seconds) continue;
      EXPECT_EQ(got.rows[i][c], want.rows[i][c]) << got_path << " row " << i + 1 << " " << want.header[c];
    }
  }
}

class CliFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    // The pid keeps runs from parallel build directories apart.
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("prpnas_" + std::string(test->test_suite_name()) + "_" + test->name() + "_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes `text` to a file in the test's folder and returns its path.
  std::string file(const std::string& name, const std::string& text) {
    const std::filesystem::path path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  static std::string slurp(const std::filesystem::path& path) {
    std::stringstream s;
    s << std::ifstream(path).rdbuf();
    return s.str();
  }

  CliResult run(const std::string& args) {
    const std::filesystem::path out = dir_ / "stdout", err = dir_ / "stderr";
    const std::string command = std::string(PRPNAS_BINARY) + " " + args + " >" + out.string() + " 2>" + err.string();
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  }

  // A bad input: exit 2, one line on stderr that contains `needle`.
  void expect_error(const std::string& args, const std::string& needle) {
    const CliResult r = run(args);
    EXPECT_EQ(r.code, 2) << args << "\nstderr: " << r.err;
    EXPECT_NE(r.err.find(needle), std::string::npos) << "stderr: " << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "not one line: " << r.err;
    EXPECT_EQ(r.err.find("what()"), std::string::npos);
  }

  std::filesystem::path dir_;
};

}  // namespace prpnas::testing

#endif  // PRPNAS_TESTS_CLI_CLI_FIXTURE_H_
