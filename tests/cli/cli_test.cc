// Runs the real prpnas binary on small CSV files: outputs and every bad input.
#include "cli_fixture.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "prpnas/pareto/seed_agreement.h"
#include "prpnas/util/csv.h"

namespace {

namespace fs = std::filesystem;

using Result = prpnas::testing::CliResult;

class Cli : public prpnas::testing::CliFixture {
};

// Five architectures; by hand with accuracy max, latency min:
// a(90,5) b(80,3) c(70,4) d(90,5) e(60,9): a,b,d non-dominated (a,d equal),
// c dominated only by b -> 2, e dominated by c -> 3.
const char* kTable =
    "arch,accuracy,latency_ms\n"
    "\"a,1\",90,5\n"
    "|nor_conv_3x3~0|+|skip_connect~0|none~1|,80,3\n"
    "c,70,4\n"
    "\"d \"\"quoted\"\"\",90,5\n"
    "e,60,9\n";

TEST_F(Cli, HelpAndVersion) {
  Result r = run("--help");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("pareto"), std::string::npos);
  EXPECT_NE(r.out.find("stats"), std::string::npos);
  r = run("--version");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("prpnas 0."), std::string::npos);
  EXPECT_NE(r.out.find("libtorch"), std::string::npos);
  for (const char* command : {"pareto --help", "pareto rank --help", "pareto hv --help",
                              "pareto quality --help", "stats kendall --help", "stats spearman --help",
                              "stats agreement --help"}) {
    EXPECT_EQ(run(command).code, 0) << command;
  }
}

TEST_F(Cli, RankAppendsColumnAndKeepsRows) {
  const std::string input = file("t.csv", kTable);
  const Result r = run("pareto rank --input " + input + " --objective accuracy:max --objective latency_ms:min");
  ASSERT_EQ(r.code, 0) << r.err;
  const prpnas::CsvTable t = prpnas::parse_csv(r.out, "stdout");
  ASSERT_EQ(t.header.back(), "pareto_rank");
  ASSERT_EQ(t.rows.size(), 5u);
  const std::vector<std::string> expected = {"1", "1", "2", "1", "3"};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(t.rows[i].back(), expected[i]) << "row " << i;
  EXPECT_EQ(t.rows[0][0], "a,1");
  EXPECT_EQ(t.rows[3][0], "d \"quoted\"");
  EXPECT_EQ(t.rows[1][0], "|nor_conv_3x3~0|+|skip_connect~0|none~1|");
}

TEST_F(Cli, RankSenseMatters) {
  // Maximising latency too: b(80,3) is now dominated by a(90,5).
  const Result r = run("pareto rank --input " + file("t.csv", kTable) +
                    " --objective accuracy:max --objective latency_ms:max");
  ASSERT_EQ(r.code, 0) << r.err;
  const prpnas::CsvTable t = prpnas::parse_csv(r.out, "stdout");
  EXPECT_EQ(t.rows[1].back(), "2");
  EXPECT_EQ(t.rows[4].back(), "1");  // e has the highest latency
}

TEST_F(Cli, RankOutputFileReplacesOldRanks) {
  const std::string first = (dir_ / "ranked.csv").string(), second = (dir_ / "again.csv").string();
  ASSERT_EQ(run("pareto rank --input " + file("t.csv", kTable) +
                " --objective accuracy:max --objective latency_ms:min --output " + first).code, 0);
  ASSERT_EQ(run("pareto rank --input " + first + " --objective accuracy:max --output " + second).code, 0);
  const prpnas::CsvTable t = prpnas::read_csv(second);
  EXPECT_EQ(t.header.size(), 4u);  // the old pareto_rank column was replaced
  EXPECT_EQ(t.rows[1].back(), "2");  // accuracy only: 90,80,70,90,60 -> 1,2,3,1,4
  EXPECT_EQ(t.rows[4].back(), "4");
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

TEST_F(Cli, Hypervolume) {
  // Front a(90,5), b(80,3) with reference (0,10): 90*5 + 80*2 = 610 (c, e inside, dominated).
  const Result r = run("pareto hv --input " + file("t.csv", kTable) +
                    " --objective accuracy:max --objective latency_ms:min --reference accuracy=0,latency_ms=10");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(std::stod(r.last_line()), 610.0);
  // Reference order in the spec does not matter.
  const Result swapped = run("pareto hv --input " + file("t.csv", kTable) +
                          " --objective accuracy:max --objective latency_ms:min --reference latency_ms=10,accuracy=0");
  EXPECT_EQ(swapped.last_line(), r.last_line());
}

TEST_F(Cli, Quality) {
  const std::string truth = file("truth.csv", kTable);
  const std::string found = file("found.csv", "arch,accuracy,latency_ms\nb,80,3\n");
  const Result r = run("pareto quality --found " + found + " --truth " + truth +
                    " --objective accuracy:max --objective latency_ms:min --reference accuracy=0,latency_ms=10");
  ASSERT_EQ(r.code, 0) << r.err;
  // hv_found = 80*7 = 560, hv_truth = 610; IGD over the true front {(90,5), (80,3)}
  // (a and d are the same point): distances to b sqrt(100+4) and 0 -> sqrt(104)/2.
  std::istringstream lines(r.out);
  std::string name;
  double value;
  std::vector<std::pair<std::string, double>> got;
  while (lines >> name >> value) got.emplace_back(name, value);
  ASSERT_EQ(got.size(), 4u) << r.out;
  EXPECT_EQ(got[0], (std::pair<std::string, double>{"hv_found", 560}));
  EXPECT_EQ(got[1], (std::pair<std::string, double>{"hv_truth", 610}));
  EXPECT_EQ(got[2].first, "ratio");
  EXPECT_DOUBLE_EQ(got[2].second, 560.0 / 610.0);
  EXPECT_EQ(got[3].first, "igd");
  EXPECT_NEAR(got[3].second, std::sqrt(104.0) / 2, 1e-12);
}

TEST_F(Cli, KendallAndSpearmanMatchScipy) {
  // scipy.stats.kendalltau / spearmanr documentation examples.
  const std::string input = file("xy.csv", "x,y,z\n12,1,1\n2,4,2\n1,7,3\n12,1,4\n2,0,5\n");
  Result r = run("stats kendall --input " + input + " --x x --y y");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NEAR(std::stod(r.last_line()), -0.47140452079103173, 1e-15);
  const std::string s = file("s.csv", "a,b\n1,5\n2,6\n3,7\n4,8\n5,7\n");
  r = run("stats spearman --input " + s + " --x a --y b");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NEAR(std::stod(r.last_line()), 0.8207826816681233, 1e-15);
}

// "name value" lines of stdout, after the first (a description).
std::map<std::string, double> name_values(const std::string& out) {
  std::istringstream in(out);
  std::string line, name;
  std::getline(in, line);
  std::map<std::string, double> values;
  double value = 0;
  while (in >> name >> value) values[name] = value;
  return values;
}

TEST_F(Cli, AgreementJoinsFilesOnTheKeyAndComparesEverySeedPair) {
  // p, q, r, s are in both files (in other orders); only_a and only_b are not.
  const std::string a = file("a.csv", "arch,test_acc\np,1\nq,2\nonly_a,9\nr,3\ns,4\n");
  const std::string b = file("b.csv", "test_acc,arch\n4,s\n3.5,r\n1,q\n2,p\n7,only_b\n");
  const Result r = run("stats agreement --input " + a + " --input " + b);
  ASSERT_EQ(r.code, 0) << r.err;
  const auto got = name_values(r.out);
  EXPECT_EQ(got.at("cells"), 4);
  EXPECT_EQ(got.at("seeds"), 2);
  EXPECT_NEAR(got.at("kendall_tau_b_mean"), 4.0 / 6, 1e-4);  // 5 of 6 pairs concordant (p, q swap)
  EXPECT_NEAR(got.at("mean_abs_difference"), (1 + 1 + 0.5 + 0) / 4, 1e-4);
  const prpnas::pareto::SeedAgreement expected = prpnas::pareto::seed_agreement({{1, 2}, {2, 1}, {3, 3.5}, {4, 4}});
  EXPECT_NEAR(got.at("seed_sd"), expected.seed_sd, 1e-4);
  EXPECT_NEAR(got.at("cell_sd"), expected.cell_sd, 1e-4);
  EXPECT_NEAR(got.at("reliability"), expected.reliability, 1e-4);
  EXPECT_NEAR(got.at("reliability_mean_of_3"), prpnas::pareto::reliability_of_mean(expected.reliability, 3), 1e-4);
  EXPECT_GT(got.at("expected_kendall_to_cell_order"), 0);

  expect_error("stats agreement --input " + a, "--input");
  expect_error("stats agreement --input " + a + " --input " + file("c.csv", "arch,test_acc\nx,1\ny,2\n"),
               "only 0 'arch' values are in every --input");
  expect_error("stats agreement --input " + a + " --input " + file("d.csv", "arch,test_acc\np,1\np,2\nq,3\n"),
               "d.csv:3: 'arch' p appears twice");
  expect_error("stats agreement --input " + a + " --input " + b + " --column valid_acc", "no column 'valid_acc'");
}

TEST_F(Cli, MeanAveragesColumnsOverTheRowsEveryFileHolds) {
  const std::string a = file("ma.csv", "arch,valid_acc,test_acc\np,1,10\nq,2,20\nonly_a,9,9\n");
  const std::string b = file("mb.csv", "test_acc,arch,valid_acc\n22,q,4\n14,p,2\n");
  const std::string out = (dir_ / "mean.csv").string();
  const Result r = run("stats mean --input " + a + " --input " + b + " --column valid_acc --column test_acc --out " + out);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(out), "arch,valid_acc,valid_acc_sd,test_acc,test_acc_sd,seeds\n"
                        "p,1.5,0.7071067812,12,2.828427125,2\nq,3,1.414213562,21,1.414213562,2\n");
  expect_error("stats mean --input " + a + " --column test_acc --out " + out, "--input");
  expect_error("stats mean --input " + a + " --input " + b + " --column nope --out " + out, "no column 'nope'");
}

// --min-gap keeps the pairs the truth separates; --interval adds a line
// before the value, which stays last.
TEST_F(Cli, KendallOverSeparatedPairsWithAnInterval) {
  const std::string t = file("k.csv", "x,y\n2,1\n1,2\n3,10\n4,11\n");
  Result r = run("stats kendall --input " + t + " --x x --y y");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NEAR(std::stod(r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1)), 4.0 / 6, 1e-12);
  r = run("stats kendall --input " + t + " --x x --y y --min-gap 5 --interval");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("differ by more than 5 only"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("95 % bootstrap interval over rows"), std::string::npos) << r.out;
  EXPECT_EQ(std::stod(r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1)), 1.0);
  expect_error("stats kendall --input " + t + " --x x --y y --min-gap -1", "--min-gap");
  expect_error("stats spearman --input " + t + " --x x --y y --min-gap 1", "--min-gap");
}

TEST_F(Cli, ShippedNb201TableRanksTheBestCellsFirst) {
  const std::string input = std::string(PRPNAS_SOURCE_DIR) + "/data/examples/nb201_cifar10_edgegpu.csv.gz";
  const std::string output = (dir_ / "ranked.csv").string();
  ASSERT_EQ(run("pareto rank --input " + input +
                " --objective cifar10_test:max --objective c10_edgegpu_latency:min --output " + output).code, 0);
  const prpnas::CsvTable t = prpnas::read_csv(output);
  ASSERT_EQ(t.rows.size(), 15625u);
  const auto acc = t.numbers("cifar10_test"), lat = t.numbers("c10_edgegpu_latency"),
             rank = t.numbers("pareto_rank");
  // The fastest cell and the most accurate cell (fastest among ties) are on the front.
  std::size_t fastest = 0, best = 0;
  for (std::size_t i = 0; i < acc.size(); ++i) {
    if (lat[i] < lat[fastest] || (lat[i] == lat[fastest] && acc[i] > acc[fastest])) fastest = i;
    if (acc[i] > acc[best] || (acc[i] == acc[best] && lat[i] < lat[best])) best = i;
  }
  EXPECT_EQ(rank[fastest], 1);
  EXPECT_EQ(rank[best], 1);
  // NB201's best CIFAR-10 cell, tied with its mirror image (data/README.md).
  EXPECT_TRUE(t.rows[best][1] == "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|" ||
              t.rows[best][1] == "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|")
      << t.rows[best][1];
}

TEST_F(Cli, BadInputsExitTwoWithOneLine) {
  const std::string ok = file("t.csv", kTable);
  const std::string two = " --objective accuracy:max --objective latency_ms:min";
  const std::string ref = " --reference accuracy=0,latency_ms=10";
  expect_error("pareto rank --input " + (dir_ / "missing.csv").string() + two, "missing.csv: no such file");
  expect_error("pareto rank --input " + ok + " --objective accuracy:max --objective energy:min", "no column 'energy'");
  expect_error("pareto rank --input " + file("empty.csv", "") + two, "empty file");
  expect_error("pareto rank --input " + file("header.csv", "arch,accuracy,latency_ms\n") + two, "no data rows");
  expect_error("pareto rank --input " + file("text.csv", "arch,accuracy,latency_ms\na,90,5\nb,fast,3\n") + two,
               "line 3, column 'accuracy': 'fast' is not a finite decimal number");
  expect_error("pareto rank --input " + file("nan.csv", "arch,accuracy,latency_ms\na,90,nan\n") + two,
               "line 2, column 'latency_ms': 'nan'");
  expect_error("pareto rank --input " + file("ragged.csv", "arch,accuracy,latency_ms\na,90\n") + two,
               "line 2 has 2 fields");
  expect_error("pareto rank --input " + file("open.csv", "arch,accuracy,latency_ms\n\"a,90,5\n") + two,
               "never closed");
  expect_error("pareto rank --input " + file("bad.gz", "\x1f\x8b\x08garbage") + two, "bad.gz");
  expect_error("pareto rank --input " + ok + " --objective accuracy:maximum", "neither max nor min");
  expect_error("pareto rank --input " + ok + " --objective accuracy", "expected NAME:max or NAME:min");
  expect_error("pareto rank --input " + ok + " --objective accuracy:max --objective accuracy:min", "given twice");
  expect_error("pareto hv --input " + ok + two + " --reference accuracy=0", "missing a value for 'latency_ms'");
  expect_error("pareto hv --input " + ok + two + " --reference accuracy=0,latency=1", "'latency' is not one of");
  expect_error("pareto hv --input " + ok + two + " --reference accuracy=0,latency_ms=slow", "'slow'");
  expect_error("pareto hv --input " + ok + two + " --reference accuracy:0", "not NAME=VALUE");
  expect_error("pareto hv --input " + ok + two, "--reference");
  expect_error("pareto quality --found " + ok + " --truth " + (dir_ / "none.csv").string() + two + ref,
               "none.csv: no such file");
  // Issue 17: a truth with no volume used to print `ratio inf` and exit 0.
  expect_error("pareto quality --found " + ok + " --truth " + ok + two + " --reference accuracy=95,latency_ms=1",
               "dominates no volume");
  expect_error("stats kendall --input " + file("c.csv", "x,y\n1,1\n2,1\n3,1\n") + " --x x --y y",
               "column 'y' is constant");
  expect_error("stats spearman --input " + file("one.csv", "x,y\n1,2\n") + " --x x --y y", "at least 2 data rows");
  expect_error("stats kendall --input " + ok + " --x accuracy --y size", "no column 'size'");
  expect_error("pareto", "subcommand");
  expect_error("frobnicate", "unknown command 'frobnicate'");
}

}  // namespace
