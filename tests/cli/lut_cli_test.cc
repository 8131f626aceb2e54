// Runs the real prpnas binary: `lut measure|eval|compare`, `latency measure`
// and `costs --lut`, on a small network (16x16 input) with few rounds.
#include "cli_fixture.h"

#include <gtest/gtest.h>

#include <fmt/core.h>

#include <cmath>
#include <map>
#include <random>
#include <sstream>
#include <string>

#include "prpnas/space/nb201_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/csv.h"

namespace {

using Result = prpnas::testing::CliResult;

const std::string kSmall = " --input 1x16x16 --repeats 5 --warmup 1";

class LutCli : public prpnas::testing::CliFixture {
 protected:
  // `n` distinct sampled architectures, one a line.
  std::string archs_file(int n, const std::string& name = "archs.txt") {
    const prpnas::space::Nb201Space space;
    std::mt19937_64 rng(5);
    std::map<std::string, bool> seen;
    std::string text;
    while (static_cast<int>(seen.size()) < n) {
      const std::string arch = space.format(prpnas::space::sample_uniform(space, rng));
      if (!seen[arch]) text += arch + "\n";
      seen[arch] = true;
    }
    return file(name, text);
  }
  std::string lut() {
    const std::string path = (dir_ / "lut.csv").string();
    const Result r = run("lut measure --out " + path + kSmall);
    EXPECT_EQ(r.code, 0) << r.err;
    return path;
  }
  std::string measured(const std::string& archs) {
    const std::string path = (dir_ / "measured.csv").string();
    const Result r = run("latency measure --archs " + archs + " --out " + path + kSmall);
    EXPECT_EQ(r.code, 0) << r.err;
    return path;
  }
};

TEST_F(LutCli, MeasureWritesTableAndSetup) {
  const std::string path = lut();
  const prpnas::CsvTable table = prpnas::read_csv(path);
  EXPECT_EQ(table.rows.size(), 5u + 30u);  // fixed parts + 6 x 5 entries
  const std::string setup = slurp(path + ".json");
  for (const char* field : {"\"device\"", "\"cpu_model\"", "\"libraries\"", "\"date\"", "\"threads\": 1",
                            "\"batch\": 1", "\"repeats\": 5", "\"image_size\": 16", "\"power_watts\""}) {
    EXPECT_NE(setup.find(field), std::string::npos) << field << " in " << setup;
  }
  EXPECT_TRUE(setup.find("\"source\": \"model\"") != std::string::npos ||
              setup.find("\"source\": \"rapl\"") != std::string::npos);
}

TEST_F(LutCli, CostsWithLutAddUpTheTable) {
  const std::string path = lut();
  const prpnas::CsvTable table = prpnas::read_csv(path);
  std::map<std::string, double> entry;  // "decision/choice" -> ms
  double fixed = 0;
  const std::vector<double> ms = table.numbers("median_ms");
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    if (table.rows[i][0] == "fixed") fixed += ms[i];
    entry[table.rows[i][0] + "/" + table.rows[i][1]] = ms[i];
  }
  const std::string archs = archs_file(4);
  const Result r = run("costs --lut " + path + " --archs " + archs + " --cost latency_ms");
  ASSERT_EQ(r.code, 0) << r.err;
  const prpnas::CsvTable out = prpnas::parse_csv(r.out, "stdout");
  ASSERT_EQ(out.rows.size(), 4u);
  const prpnas::space::Nb201Space space;
  const std::vector<double> estimate = out.numbers("latency_ms");
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    const auto arch = space.parse(out.rows[i][0]);
    double expected = fixed;
    for (int d = 0; d < 6; ++d) expected += entry[space.decision_name(d) + "/" + space.choices(d)[arch[d]]];
    EXPECT_NEAR(estimate[i], expected, 1e-5) << out.rows[i][0];
  }
  expect_error("costs --lut " + path + " --archs " + archs + " --cost c10_edgegpu_latency", "need --table");
}

// Issue 20: ProxylessNAS's phone table as the proxyless space's LUT.
TEST_F(LutCli, ImportMapsThePhoneTableOntoTheProxylessSpace) {
  const std::string source = std::string(PRPNAS_SOURCE_DIR) + "/data/device_luts/proxylessnas_mobile.csv";
  const std::string out = (dir_ / "pixel1.csv").string();
  const Result r = run("lut import --space proxyless --from " + source + " --out " + out);
  ASSERT_EQ(r.code, 0) << r.err;
  const prpnas::CsvTable table = prpnas::read_csv(out);
  ASSERT_EQ(table.rows.size(), 3u + 6 * 6 + 15 * 7);  // stem, first block, head; 6 or 7 choices per layer
  // The fixed parts are the source's Conv, first block, Conv_1 and Logits rows.
  const std::vector<double> ms = table.numbers("median_ms");
  EXPECT_NEAR(ms[0] + ms[1] + ms[2], 4.083755600814664 + 3.8821352201257864 + 3.088623217922607 + 0.3096415478615071,
              1e-5);
  // Stage 4's first layer reads 14x14x80 and writes 14x14x96 at stride 1: the source's k7e6 row of those shapes.
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    if (table.rows[i][0] == "stage 4 layer 1" && table.rows[i][1] == "k7e6") {
      EXPECT_NEAR(ms[i], 5.089503267973856, 1e-5);
    }
    if (table.rows[i][1] == "skip") {
      EXPECT_EQ(ms[i], 0.0);
    }
  }
  // The estimate of a whole network adds them up: every layer k3e3 where it must, skip elsewhere, is the cheapest.
  std::string cheapest;
  for (int d = 0; d < 21; ++d) {
    if (d > 0) cheapest += ' ';
    cheapest += d % 4 == 0 ? "k3e3" : "skip";
  }
  const Result c = run("costs --space proxyless --lut " + out + " --archs " + file("a.txt", cheapest + "\n") +
                       " --cost latency_ms");
  ASSERT_EQ(c.code, 0) << c.err;
  EXPECT_NEAR(prpnas::parse_csv(c.out, "stdout").numbers("latency_ms")[0], 29.609, 0.001) << c.out;
  // A table without a row the space needs is refused, naming it.
  std::string text = slurp(source);
  const std::string row = "expanded_conv,14x14x80,14x14x96,6,7,1,0";
  const std::size_t at = text.find(row);
  ASSERT_NE(at, std::string::npos);
  text.erase(at, text.find('\n', at) + 1 - at);
  expect_error("lut import --space proxyless --from " + file("short.csv", text) + " --out " + out + ".2",
               "no row for stage 4 layer 1 k7e6");
  expect_error("lut import --space nb201 --from " + source + " --out " + out + ".3", "--space nb201");
}

TEST_F(LutCli, ImportMapsTheNote10TablesOntoTheOfaSpaceAtEveryResolution) {
  // A brute-force reference: a network's latency is the sum of the source's
  // rows its blocks need, found here by their shapes (w1.2: stem and first
  // block 24, stages 32, 48, 96, 136, 192, head 1152 and 1536; `expand` is
  // the middle channel count).
  const std::vector<int> widths = {32, 48, 96, 136, 192}, strides = {2, 2, 2, 1, 2};
  const std::string arch =
      "k7e6 k3e4 k5e3 skip k3e3 k7e4 skip skip k5e6 k5e6 k3e4 skip k7e3 k3e6 k5e4 k7e6 k3e3 k3e3 skip skip";
  const std::string archs = file("ofa.txt", arch + "\n");
  for (int r = 160; r <= 224; r += 4) {
    const std::string source =
        std::string(PRPNAS_SOURCE_DIR) + "/data/device_luts/ofa_note10_" + std::to_string(r) + ".csv";
    const std::string out = (dir_ / ("note10_" + std::to_string(r) + ".csv")).string();
    const Result i = run("lut import --space ofa --resolution " + std::to_string(r) + " --from " + source + " --out " + out);
    ASSERT_EQ(i.code, 0) << i.err;
    const prpnas::CsvTable rows = prpnas::read_csv(source);
    auto ms = [&](const std::string& op, const std::string& in, const std::string& out_shape, const std::string& expand,
                  const std::string& kernel) {
      for (std::size_t k = 0; k < rows.rows.size(); ++k) {
        const auto& row = rows.rows[k];
        if (row[0] == op && row[1] == in && row[2] == out_shape && row[3] == expand && row[4] == kernel) {
          return std::stod(row[rows.column("mean_ms")]);
        }
      }
      ADD_FAILURE() << "no row " << op << " " << in << " " << out_shape << " e" << expand << " k" << kernel;
      return 0.0;
    };
    auto shape = [](int side, int c) { return fmt::format("{}x{}x{}", side, side, c); };
    int side = (r - 1) / 2 + 1;
    double expected = ms("Conv", shape(r, 3), shape(side, 24), "", "") +
                      ms("expanded_conv", shape(side, 24), shape(side, 24), "24", "3");
    std::istringstream tokens(arch);
    int in = 24;
    for (int layer = 0; layer < 20; ++layer) {
      std::string token;
      tokens >> token;
      const int stride = layer % 4 == 0 ? strides[layer / 4] : 1, out_side = (side - 1) / stride + 1;
      const int width = widths[layer / 4];
      if (token != "skip") {
        const int kernel = token[1] - '0', expansion = token[3] - '0';
        expected += ms("expanded_conv", shape(side, in), shape(out_side, width), std::to_string(in * expansion),
                       std::to_string(kernel));
      }
      side = out_side;
      in = width;
    }
    expected += ms("Conv_1", shape(side, 192), shape(side, 1152), "", "") +
                ms("AvgPool2D", shape(side, 1152), shape(1, 1152), "", "") +
                ms("Conv_2", shape(1, 1152), shape(1, 1536), "", "") + ms("Logits", shape(1, 1536), "1000", "", "");
    const Result c = run("costs --space ofa --lut " + out + " --archs " + archs + " --cost latency_ms");
    ASSERT_EQ(c.code, 0) << c.err;
    // The LUT keeps 6 decimals per entry; 24 entries.
    EXPECT_NEAR(prpnas::parse_csv(c.out, "stdout").numbers("latency_ms")[0], expected, 5e-5) << r;
  }
  // Another resolution's table, or ProxylessNAS's, is refused, naming the row it lacks.
  const std::string note10 = std::string(PRPNAS_SOURCE_DIR) + "/data/device_luts/ofa_note10_224.csv";
  expect_error("lut import --space ofa --resolution 192 --from " + note10 + " --out x.csv",
               "no row for the stem (Conv 192x192x3->96x96x24");
  expect_error("lut import --space proxyless --from " + note10 + " --out y.csv", "no row for the stem");
}

TEST_F(LutCli, LatencyMeasureEvalAndCompare) {
  const std::string archs = archs_file(40);
  const std::string m = measured(archs);
  const prpnas::CsvTable table = prpnas::read_csv(m);
  EXPECT_EQ(table.rows.size(), 40u);
  for (double x : table.numbers("latency_ms")) EXPECT_GT(x, 0);

  const std::string l = lut();
  Result r = run("lut eval --lut " + l + " --measured " + m);
  ASSERT_EQ(r.code, 0) << r.err;
  const prpnas::CsvTable eval = prpnas::parse_csv(r.out, "stdout");
  ASSERT_EQ(eval.rows.size(), 1u);
  EXPECT_EQ(eval.rows[0][0], "lut");
  EXPECT_EQ(eval.rows[0][1], "40");
  // Even a 5-round LUT ranks 40 cells far better than chance.
  EXPECT_GT(eval.numbers("kendall_tau_b")[0], 0.5);

  r = run("lut compare --lut " + l + " --measured " + m);
  ASSERT_EQ(r.code, 0) << r.err;
  const prpnas::CsvTable compare = prpnas::parse_csv(r.out, "stdout");
  ASSERT_EQ(compare.rows.size(), 3u);
  EXPECT_EQ(compare.rows[1][0], "xgboost");
  EXPECT_EQ(compare.rows[2][0], "mlp");
  for (const auto& row : compare.rows) EXPECT_EQ(row[1], "12") << "30% of 40 held out";
}

TEST_F(LutCli, RepeatedArchitecturesAreMeasuredOnce) {
  const prpnas::space::Nb201Space space;
  const std::string a = space.format({3, 3, 3, 3, 3, 3}), b = space.format({1, 1, 1, 1, 1, 1});
  const std::string archs = file("archs.txt", a + "\n" + b + "\n" + a + "\n");
  const std::string path = (dir_ / "m.csv").string();
  const Result r = run("latency measure --archs " + archs + " --out " + path + kSmall);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("lists 1 architectures more than once"), std::string::npos) << r.err;
  EXPECT_EQ(prpnas::read_csv(path).rows.size(), 2u);
}

TEST_F(LutCli, BadInputIsOneLineAndExit2) {
  const std::string l = lut();
  const std::string other = (dir_ / "other.csv").string();
  ASSERT_EQ(run("latency measure --archs " + archs_file(3) + " --out " + other +
                " --input 1x12x12 --repeats 2 --warmup 0").code, 0);
  expect_error("lut eval --lut " + l + " --measured " + other, "different network shape");
  expect_error("lut eval --lut " + (dir_ / "nope.csv").string() + " --measured " + other, "nope.csv: no such file");
  expect_error("latency measure --archs " + file("bad.txt", "|nor_conv_3x3~0|+|bogus~0|none~1|\n") +
                   " --out x.csv" + kSmall, "bad.txt:1");
  expect_error("lut measure --out x.csv --repeats 0", "--repeats 0");
  expect_error("lut measure --out x.csv --preset huge", "huge");
  expect_error("lut measure --out x.csv --input 1x16x15", "square");
  expect_error("lut measure --out x.csv --power-watts -3", "--power-watts");
  std::ofstream(l, std::ios::app) << "edge 0->1,skip_connect,0.1,0.0,5,\n";
  expect_error("lut eval --lut " + l + " --measured " + other, "second entry for edge 0->1 / skip_connect");
}

}  // namespace
