// Runs the real prpnas binary: `costs` against HW-NAS-Bench, and its output
// fed to `pareto rank`.
#include "cli_fixture.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <string>

#include "prpnas/util/csv.h"

namespace {

using Result = prpnas::testing::CliResult;

const std::string kHwNasBenchTable = std::string(PRPNAS_SOURCE_DIR) + "/data/hwnasbench_nb201.csv.gz";
// HW-NAS-Bench rows index 0 and 6 (the Edge TPU could not compile index 6).
const std::string kArch0 = "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|";
const std::string kArch6 = "|nor_conv_3x3~0|+|none~0|none~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";

class CostsCli : public prpnas::testing::CliFixture {
 protected:
  Result costs(const std::string& args) { return run("costs --table " + kHwNasBenchTable + " " + args); }
};

TEST_F(CostsCli, ValuesOfAnArchitectureFile) {
  const std::string archs = file("archs.txt", kArch0 + "\n\n" + kArch6 + "\r\n" + kArch0 + "\n");
  Result r = costs("--space nb201 --archs " + archs + " --cost c10_edgegpu_latency --cost c10_edgegpu_energy");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  // The cells of data/hwnasbench_nb201.csv.gz, digit for digit; repeats kept.
  EXPECT_EQ(r.out,
            "arch,c10_edgegpu_latency,c10_edgegpu_energy\n" +
            kArch0 + ",5.807418537139893,24.226614330768584\n" +
            kArch6 + ",5.080537796020508,23.988605960210165\n" +
            kArch0 + ",5.807418537139893,24.226614330768584\n");

  r = costs("--archs " + archs + " --cost in16_edgetpu_latency --cost c10_pixel3_latency");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "prpnas: excluded 1 of 3 architectures with no in16_edgetpu_latency\n");
  EXPECT_EQ(r.out,
            "arch,in16_edgetpu_latency,c10_pixel3_latency\n" +
            kArch0 + ",0.7929624850075925,3.6058499999999998\n" +
            kArch0 + ",0.7929624850075925,3.6058499999999998\n");
}

TEST_F(CostsCli, WholeTableWithoutArchs) {
  const prpnas::CsvTable source = prpnas::read_csv(kHwNasBenchTable);
  std::map<std::string, std::size_t> row_of;
  for (std::size_t r = 0; r < source.rows.size(); ++r) row_of[source.rows[r][1]] = r;
  const std::size_t latency = source.column("c10_edgegpu_latency"), tpu = source.column("c10_edgetpu_latency");

  Result r = costs("--cost c10_edgegpu_latency");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  prpnas::CsvTable t = prpnas::parse_csv(r.out, "stdout");
  ASSERT_EQ(t.rows.size(), 15625u);
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    EXPECT_EQ(t.rows[i][0], source.rows[i][1]) << "file order, row " << i;
    EXPECT_EQ(std::strtod(t.rows[i][1].c_str(), nullptr), std::strtod(source.rows[i][latency].c_str(), nullptr));
  }

  r = costs("--cost c10_edgetpu_latency --cost c10_edgegpu_latency");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "prpnas: excluded 4699 of 15625 architectures with no c10_edgetpu_latency\n");
  t = prpnas::parse_csv(r.out, "stdout");
  ASSERT_EQ(t.rows.size(), 10926u);
  for (const auto& row : t.rows) {
    const auto& cells = source.rows.at(row_of.at(row[0]));
    EXPECT_EQ(std::strtod(row[1].c_str(), nullptr), std::strtod(cells[tpu].c_str(), nullptr)) << row[0];
    EXPECT_EQ(std::strtod(row[2].c_str(), nullptr), std::strtod(cells[latency].c_str(), nullptr)) << row[0];
    EXPECT_NE(cells[tpu], "-1.0");
  }
}

TEST_F(CostsCli, OutputFeedsParetoRank) {
  const std::string out = (dir_ / "costs.csv").string();
  Result r = costs("--cost c10_edgegpu_latency --cost c10_edgetpu_latency --out " + out);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, out + ": 10926 architectures, columns c10_edgegpu_latency,c10_edgetpu_latency\n");
  r = run("pareto rank --input " + out + " --objective c10_edgegpu_latency:min --objective c10_edgetpu_latency:min");
  ASSERT_EQ(r.code, 0) << r.err;
  const prpnas::CsvTable ranked = prpnas::parse_csv(r.out, "stdout");
  EXPECT_EQ(ranked.header,
            (std::vector<std::string>{"arch", "c10_edgegpu_latency", "c10_edgetpu_latency", "pareto_rank"}));
  ASSERT_EQ(ranked.rows.size(), 10926u);
  // The fastest Edge GPU cell is on the first front.
  std::size_t fastest = 0;
  for (std::size_t i = 0; i < ranked.rows.size(); ++i) {
    if (std::stod(ranked.rows[i][1]) < std::stod(ranked.rows[fastest][1])) fastest = i;
  }
  EXPECT_EQ(ranked.rows[fastest][3], "1");

  // Stdout, saved, reads the same.
  r = costs("--cost c10_edgegpu_latency");
  ASSERT_EQ(r.code, 0) << r.err;
  r = run("pareto rank --input " + file("stdout.csv", r.out) + " --objective c10_edgegpu_latency:min");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(prpnas::parse_csv(r.out, "stdout").rows.size(), 15625u);
}

TEST_F(CostsCli, BadInputs) {
  expect_error("costs --table " + kHwNasBenchTable + " --cost c10_latency", "no cost column 'c10_latency'");
  expect_error("costs --table " + kHwNasBenchTable + " --cost c10_latency", "c10_edgegpu_latency, c10_edgegpu_energy");
  expect_error("costs --table " + kHwNasBenchTable + " --cost c10_fpga_energy --cost c10_fpga_energy", "given twice");
  expect_error("costs --table " + kHwNasBenchTable + " --cost arch", "no cost column 'arch'");
  expect_error("costs --table " + kHwNasBenchTable, "--cost");
  expect_error("costs --table " + (dir_ / "none.csv").string() + " --cost x", "none.csv: no such file");

  const std::string archs = file("bad.txt", kArch0 + "\n|nor_conv_5x5~0|+|\n");
  expect_error("costs --table " + kHwNasBenchTable + " --cost c10_fpga_energy --archs " + archs, archs + ":2:");

  // A table that lacks some architectures: the first missing one and how many.
  const std::string table = file("t.csv", "arch,lat\n" + kArch0 + ",1.5\n");
  const std::string three = file("three.txt", kArch0 + "\n" + kArch6 + "\n" + kArch6 + "\n");
  expect_error("costs --table " + table + " --cost lat --archs " + three,
               "2 of 3 architectures of " + three + " are not in " + table + ", the first: " + kArch6);
  const std::string missing = file("m.csv", "arch,lat\n" + kArch0 + ",-1\n");
  const Result r = run("costs --table " + missing + " --cost lat");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("none of the 1 architectures has a value"), std::string::npos) << r.err;
}

TEST_F(CostsCli, Help) {
  const Result r = run("costs --help");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("--cost"), std::string::npos);
  EXPECT_NE(run("--help").out.find("costs"), std::string::npos);
}

}  // namespace
