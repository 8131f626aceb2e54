#include "prpnas/hw/latency_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "prpnas/hw/measured_latency.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {
namespace {

class LatencyTableFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("prpnas_lut_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "lut.csv").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static LatencyTable example() {
    LatencyTable t;
    t.setup.space = "nb201";
    t.setup.preset = "default";
    t.setup.network = {{"channels", 8}};
    t.setup.repeats = 7;
    t.setup.energy = {{"source", "model"}, {"power_watts", 10.0}};
    t.fixed = {{"stem", {0.5, 0.01, 35}}, {"head", {0.25, 0.02, 35}}};
    t.choice.assign(6, std::vector<TimingSummary>(5));
    for (int d = 0; d < 6; ++d) {
      for (int c = 1; c < 5; ++c) t.choice[d][c] = {0.125 * (c + d), 0.001 * c, 7};
    }
    return t;
  }
  std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  void replace_in_file(const std::string& path, const std::string& from, const std::string& to) {
    std::string text = slurp(path);
    ASSERT_NE(text.find(from), std::string::npos) << from;
    text.replace(text.find(from), from.size(), to);
    std::ofstream(path) << text;
  }

  std::filesystem::path dir_;
  std::string path_;
  const space::Nb201Space space_;
};

TEST_F(LatencyTableFile, RoundTrips) {
  const LatencyTable t = example();
  write_latency_table(path_, t, space_);
  const LatencyTable back = read_latency_table(path_, space_);
  EXPECT_EQ(back.setup.to_json(), t.setup.to_json());
  ASSERT_EQ(back.fixed.size(), 2u);
  EXPECT_EQ(back.fixed[1].first, "head");
  const space::Architecture arch = {0, 1, 2, 3, 4, 3};
  EXPECT_NEAR(back.latency_ms().cost(arch), t.latency_ms().cost(arch), 1e-6);
  EXPECT_NEAR(back.energy_mj().cost(arch), 10 * t.latency_ms().cost(arch), 1e-5);
  EXPECT_EQ(back.choice[5][4].samples, 7);
  EXPECT_NE(slurp(path_).find("edge 0->1,nor_conv_3x3,"), std::string::npos);
}

TEST_F(LatencyTableFile, NoPowerMeansNoEnergy) {
  LatencyTable t = example();
  t.setup.energy = nullptr;
  write_latency_table(path_, t, space_);
  EXPECT_THROW(read_latency_table(path_, space_).energy_mj(), ConfigError);
}

void expect_error_mentions(const std::function<void()>& f, const std::string& part) {
  try {
    f();
    ADD_FAILURE() << "no error; expected one mentioning " << part;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
  }
}

TEST_F(LatencyTableFile, BadFilesAreNamedErrors) {
  auto read = [&] { read_latency_table(path_, space_); };
  expect_error_mentions(read, "lut.csv: no such file; measure one");
  write_latency_table(path_, example(), space_);
  std::filesystem::remove(path_ + ".json");
  expect_error_mentions(read, "lut.csv.json: no such file; it records how");

  write_latency_table(path_, example(), space_);
  replace_in_file(path_, "edge 1->2,skip_connect,", "edge 1->2,skip_conect,");
  expect_error_mentions(read, "'skip_conect' is not a choice of edge 1->2");

  write_latency_table(path_, example(), space_);
  replace_in_file(path_, "edge 0->3,avg_pool_3x3,", "edge 0->3,avg_pool_3x3,-");
  expect_error_mentions(read, "negative");

  write_latency_table(path_, example(), space_);
  replace_in_file(path_, "edge 2->3,nor_conv_1x1,", "edge 2->3,nor_conv_3x3,");
  expect_error_mentions(read, "second entry for edge 2->3 / nor_conv_3x3");

  write_latency_table(path_, example(), space_);
  replace_in_file(path_, "edge 2->3,nor_conv_1x1,0.", "edge 2->3,nor_conv_1x1,x");
  expect_error_mentions(read, "median_ms");

  write_latency_table(path_, example(), space_);
  replace_in_file(path_ + ".json", "\"nb201\"", "\"darts\"");
  try {
    read();
    ADD_FAILURE();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("for space 'darts'"), std::string::npos) << e.what();
  }

  write_latency_table(path_, example(), space_);
  replace_in_file(path_ + ".json", "\"repeats\"", "\"repeat\"");
  expect_error_mentions(read, "field 'repeats'");

  // Issue 17: a negative power gave negative energies.
  write_latency_table(path_, example(), space_);
  replace_in_file(path_ + ".json", "\"power_watts\": 10.0", "\"power_watts\": -10.0");
  expect_error_mentions(read, "field 'energy.power_watts' is -10");

  write_latency_table(path_, example(), space_);
  std::ofstream(path_ + ".json") << "{ not json";
  expect_error_mentions(read, "not valid JSON");
}

TEST_F(LatencyTableFile, IncompleteTableNamesTheMissingEntry) {
  write_latency_table(path_, example(), space_);
  std::string text = slurp(path_);
  const auto at = text.find("edge 1->3,avg_pool_3x3,");
  text.erase(at, text.find('\n', at) + 1 - at);
  std::ofstream(path_) << text;
  expect_error_mentions([&] { read_latency_table(path_, space_); }, "no entry for edge 1->3 / avg_pool_3x3");
}

TEST_F(LatencyTableFile, MeasuredLatencyRoundTripsAndChecksArchitectures) {
  MeasuredLatency m;
  m.setup = example().setup;
  m.archs = {space_.format({1, 1, 1, 1, 1, 1}), space_.format({3, 3, 3, 3, 3, 3})};
  m.latency = {{0.5, 0.01, 9}, {1.5, 0.02, 9}};
  const std::string path = (dir_ / "measured.csv").string();
  write_measured_latency(path, m);
  const MeasuredLatency back = read_measured_latency(path, space_);
  EXPECT_EQ(back.archs, m.archs);
  EXPECT_EQ(back.median_ms(), m.median_ms());
  EXPECT_NE(slurp(path).find(",15.000000\n"), std::string::npos) << "energy = 10 W x 1.5 ms";

  replace_in_file(path, "skip_connect~0|+", "skip_connect~0|+|");
  expect_error_mentions([&] { read_measured_latency(path, space_); }, "measured.csv:2:");
  write_measured_latency(path, m);
  replace_in_file(path, "0.500000", "0");
  expect_error_mentions([&] { read_measured_latency(path, space_); }, "latency must be positive");
}

TEST(MeasurementSetup, ComparableOnlyWithTheSameNetworkBatchAndThreads) {
  MeasurementSetup a;
  a.space = "nb201";
  a.preset = "default";
  a.network = {{"channels", 8}};
  MeasurementSetup b = a;
  b.device = "another name";  // devices may be named differently
  EXPECT_NO_THROW(check_comparable(a, "x", b, "y"));
  b.threads = 2;
  EXPECT_THROW(check_comparable(a, "x", b, "y"), ConfigError);
  b = a;
  b.network["channels"] = 16;
  EXPECT_THROW(check_comparable(a, "x", b, "y"), ConfigError);
  b = a;
  b.batch = 4;
  EXPECT_THROW(check_comparable(a, "x", b, "y"), ConfigError);
}

}  // namespace
}  // namespace prpnas::hw
