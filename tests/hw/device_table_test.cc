#include "prpnas/hw/device_table.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "prpnas/space/enumeration.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {
namespace {

namespace fs = std::filesystem;

const std::string kTable = std::string(PRPNAS_SOURCE_DIR) + "/data/hwnasbench_nb201.csv.gz";
// Row index 0 of HW-NAS-Bench; its values are in data/README.md.
const std::string kArch0 = "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|";
// Row index 6, which the Edge TPU could not compile (-1.0).
const std::string kArch6 = "|nor_conv_3x3~0|+|none~0|none~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
const std::string kAllNone = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";
const std::string kAllSkip = "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|";

class DeviceTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("prpnas_devtab_" + std::string(test->name()) + "_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string file(const std::string& text) {
    const fs::path path = dir_ / "table.csv";
    std::ofstream(path) << text;
    return path.string();
  }

  // The message of the error that loading `text` throws, checked to be of type E.
  template <class E>
  std::string load_error(const std::string& text) {
    try {
      load_device_table(file(text), space_);
    } catch (const E& e) {
      return e.what();
    } catch (const std::exception& e) {
      ADD_FAILURE() << "wrong error type: " << e.what();
      return "";
    }
    ADD_FAILURE() << "no error for:\n" << text;
    return "";
  }

  space::Nb201Space space_;
  fs::path dir_;
};

TEST_F(DeviceTableTest, LoadsHwNasBench) {
  const auto start = std::chrono::steady_clock::now();
  const DeviceTable t = load_device_table(kTable, space_);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  RecordProperty("load_seconds", std::to_string(seconds));
  ASSERT_EQ(t.size(), 15625u);
  ASSERT_EQ(t.columns().size(), 30u);  // 10 metrics x 3 datasets; not index, not arch
  EXPECT_EQ(t.columns().front(), "c10_edgegpu_latency");
  EXPECT_EQ(t.columns().back(), "in16_fpga_energy");
  EXPECT_TRUE(t.has_column("c10_edgetpu_latency"));
  EXPECT_FALSE(t.has_column("arch"));
  EXPECT_FALSE(t.has_column("index"));

  // Measured with zcat | awk: 4,699 cells of -1.0 in each *_edgetpu_latency, none elsewhere.
  for (const auto& column : t.columns()) {
    const ColumnCoverage c = t.coverage(column);
    const bool edgetpu = column.ends_with("_edgetpu_latency");
    EXPECT_EQ(c.missing, edgetpu ? 4699u : 0u) << column;
    EXPECT_EQ(c.with_value, edgetpu ? 10926u : 15625u) << column;
    EXPECT_EQ(c.not_in_table, 0u) << column;
  }

  // Values are the CSV text read as a double.
  const space::Architecture a0 = space_.parse(kArch0);
  EXPECT_EQ(t.cost(a0, "c10_edgegpu_latency"), std::strtod("5.807418537139893", nullptr));
  EXPECT_EQ(t.cost(a0, "c10_edgegpu_energy"), std::strtod("24.226614330768584", nullptr));
  EXPECT_EQ(t.cost(a0, "c10_pixel3_latency"), std::strtod("3.6058499999999998", nullptr));
  EXPECT_EQ(t.cost(a0, t.column_index("c10_edgetpu_latency")), std::strtod("0.9571811309997429", nullptr));
  const space::Architecture a6 = space_.parse(kArch6);
  EXPECT_EQ(t.cost(a6, "c10_edgetpu_latency"), std::nullopt);
  EXPECT_EQ(t.cost(a6, "c10_edgegpu_latency"), std::strtod("5.080537796020508", nullptr));

  // data/README.md: the 341 degenerate cells are all among those the Edge TPU lacks.
  int degenerate = 0;
  for (const auto& arch : t.architectures()) {
    if (!space_.is_degenerate(arch)) continue;
    ++degenerate;
    EXPECT_EQ(t.cost(arch, "c100_edgetpu_latency"), std::nullopt) << space_.format(arch);
  }
  EXPECT_EQ(degenerate, 341);
}

TEST_F(DeviceTableTest, MissingCellsAndAbsentArchitectures) {
  const DeviceTable t = load_device_table(file("arch,index,lat,energy\n" +
                                               kAllNone + ",9,-1,\n" +
                                               kArch0 + ",8,0,nan\n" +
                                               kArch6 + ",7,-1.0,NaN\n" +
                                               kAllSkip + ",6,2.5,1e-3\n"),
                                          space_);
  EXPECT_EQ(t.columns(), (std::vector<std::string>{"lat", "energy"}));
  EXPECT_EQ(t.size(), 4u);
  EXPECT_EQ(t.architectures()[1], space_.parse(kArch0));  // file order
  EXPECT_EQ(t.cost(space_.parse(kAllNone), "lat"), std::nullopt);
  EXPECT_EQ(t.cost(space_.parse(kAllNone), "energy"), std::nullopt);
  EXPECT_EQ(t.cost(space_.parse(kArch0), "lat"), 0.0);
  EXPECT_EQ(t.cost(space_.parse(kArch0), "energy"), std::nullopt);
  EXPECT_EQ(t.cost(space_.parse(kArch6), "lat"), std::nullopt);
  EXPECT_EQ(t.cost(space_.parse(kAllSkip), "lat"), 2.5);
  EXPECT_EQ(t.cost(space_.parse(kAllSkip), 1), 1e-3);

  const space::Architecture elsewhere = space::Enumeration(space_).at(1234);
  EXPECT_FALSE(t.contains(elsewhere));
  EXPECT_TRUE(t.contains(space_.parse(kArch6)));
  EXPECT_EQ(t.cost(elsewhere, "lat"), std::nullopt);
  const ColumnCoverage c = t.coverage("lat", {elsewhere, space_.parse(kAllSkip), space_.parse(kArch6),
                                              space_.parse(kArch0), elsewhere});
  EXPECT_EQ(c.with_value, 2u);
  EXPECT_EQ(c.missing, 1u);
  EXPECT_EQ(c.not_in_table, 2u);
  EXPECT_THROW(t.cost(space::Architecture{1, 2, 3}, "lat"), ParseError);
  EXPECT_THROW(t.cost(space::Architecture{0, 0, 0, 0, 0, 5}, "lat"), ParseError);
}

TEST_F(DeviceTableTest, UnknownColumnListsTheAvailableOnes) {
  const DeviceTable t = load_device_table(file("arch,lat,energy\n" + kArch0 + ",1,2\n"), space_);
  try {
    t.cost(space_.parse(kArch0), "latency");
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("'latency'"), std::string::npos) << what;
    EXPECT_NE(what.find("lat, energy"), std::string::npos) << what;
  }
  EXPECT_THROW(t.coverage("latency"), ConfigError);

  std::string header = "arch", row = kArch0;
  for (int i = 0; i < 30; ++i) {
    header += ",c" + std::to_string(i);
    row += ",1";
  }
  const DeviceTable wide = load_device_table(file(header + "\n" + row + "\n"), space_);
  try {
    wide.column_index("nope");
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("c0, c1"), std::string::npos) << what;
    EXPECT_EQ(what.find("c29"), std::string::npos) << what;
    EXPECT_NE(what.find("30 in all"), std::string::npos) << what;
  }
}

TEST_F(DeviceTableTest, BadArchitectureNamesFileLineAndPosition) {
  const std::string what = load_error<ParseError>("arch,lat\n" + kArch0 + ",1\n|nor_conv_5x5~0|+|,2\n");
  EXPECT_NE(what.find((dir_ / "table.csv").string() + ":3:"), std::string::npos) << what;
  EXPECT_NE(what.find("at character 1"), std::string::npos) << what;
}

TEST_F(DeviceTableTest, RepeatedArchitectureNamesBothLines) {
  const std::string what = load_error<DataError>("arch,lat\n" + kArch0 + ",1\n" + kArch6 + ",2\n" + kArch0 + ",3\n");
  EXPECT_NE(what.find("line 4 repeats the architecture of line 2"), std::string::npos) << what;
}

TEST_F(DeviceTableTest, BadCostCellsNameFileLineAndColumn) {
  const std::string path = (dir_ / "table.csv").string();
  for (const std::string cell : {"fast", "-2", "-0.5", "inf", "-inf", "1.5ms", "-1x"}) {
    const std::string what = load_error<DataError>("arch,index,lat\n" + kArch0 + ",0,1\n" + kArch6 + ",1," + cell + "\n");
    EXPECT_NE(what.find(path + ": line 3, column 'lat': '" + cell + "'"), std::string::npos) << what;
  }
}

TEST_F(DeviceTableTest, BadFiles) {
  EXPECT_NE(load_error<DataError>("index,lat\n0,1\n").find("no 'arch' column"), std::string::npos);
  EXPECT_NE(load_error<DataError>("index,arch\n0," + kArch0 + "\n").find("no cost columns"), std::string::npos);
  EXPECT_NE(load_error<DataError>("arch,lat\n").find("no rows"), std::string::npos);
  const std::string missing = (dir_ / "nothing.csv.gz").string();
  try {
    load_device_table(missing, space_);
    FAIL() << "no error";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find(missing), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace prpnas::hw
