#include "prpnas/eval/seed_summary.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::eval {
namespace {

const std::vector<MetricSense> kMetrics = {{"hv_ratio", true}, {"igd_plus", false}};

SeedResults seed(std::uint64_t s, double prp_hv, double random_hv, double prp_igd, double random_igd) {
  SeedResults r;
  r.seed = s;
  r.methods = {"prp", "random"};
  r.values["prp"] = {{"hv_ratio", prp_hv}, {"igd_plus", prp_igd}};
  r.values["random"] = {{"hv_ratio", random_hv}, {"igd_plus", random_igd}};
  return r;
}

const MetricSummary& find(const SeedSummary& s, const std::string& method, const std::string& metric) {
  for (const auto& m : s.metrics) {
    if (m.method == method && m.metric == metric) return m;
  }
  throw std::runtime_error("missing " + method + " " + metric);
}

TEST(SeedSummary, MeanAndSampleStandardDeviationPerMethodAndMetric) {
  const std::vector<SeedResults> runs = {seed(0, 0.8, 0.5, 0.1, 0.3), seed(1, 0.9, 0.6, 0.2, 0.3),
                                         seed(2, 1.0, 0.7, 0.3, 0.3)};
  const SeedSummary s = summarize_seeds(runs, kMetrics, {.resamples = 2000});
  EXPECT_EQ(s.seeds, (std::vector<std::uint64_t>{0, 1, 2}));
  const MetricSummary& hv = find(s, "prp", "hv_ratio");
  EXPECT_EQ(hv.n, 3u);
  EXPECT_NEAR(hv.mean, 0.9, 1e-12);
  EXPECT_NEAR(hv.sd, 0.1, 1e-12);
  EXPECT_LE(hv.ci.low, hv.mean);
  EXPECT_GE(hv.ci.high, hv.mean);
  EXPECT_GE(hv.ci.low, 0.8 - 1e-12);  // a mean of resampled values stays within them
  EXPECT_LE(hv.ci.high, 1.0 + 1e-12);
  const MetricSummary& constant = find(s, "random", "igd_plus");
  EXPECT_EQ(constant.sd, 0);
  EXPECT_EQ(constant.ci.low, constant.ci.high);
}

TEST(SeedSummary, PairsPrpRowsWithEachBaselineAndCountsWinsByTheMetricsSense) {
  std::vector<SeedResults> runs;
  for (std::uint64_t k = 0; k < 6; ++k) runs.push_back(seed(k, 0.9, 0.5, 0.1 + 0.01 * k, 0.4));
  runs[5].values["prp"]["hv_ratio"] = 0.4;  // one loss
  const SeedSummary s = summarize_seeds(runs, kMetrics, {.resamples = 500});
  ASSERT_EQ(s.comparisons.size(), 2u);  // prp vs random, two metrics
  const PairedComparison& hv = s.comparisons[0];
  EXPECT_EQ(hv.method, "prp");
  EXPECT_EQ(hv.baseline, "random");
  EXPECT_EQ(hv.n, 6u);
  EXPECT_EQ(hv.better, 5u);
  EXPECT_EQ(hv.worse, 1u);
  EXPECT_NEAR(hv.mean_difference, (5 * 0.4 - 0.1) / 6, 1e-12);
  EXPECT_NEAR(hv.sign.p_value, 14.0 / 64, 1e-12);  // 2 P(X <= 1), X ~ Bin(6, 1/2)
  const PairedComparison& igd = s.comparisons[1];
  EXPECT_EQ(igd.better, 6u);  // lower IGD+ is better
  EXPECT_EQ(igd.worse, 0u);
  EXPECT_NEAR(igd.wilcoxon.p_value, 2.0 / 64, 1e-12);  // all six ranks one way, exact
}

TEST(SeedSummary, PrpVariantsArePairedWithPlainPrpAsWell) {
  std::vector<SeedResults> runs;
  for (std::uint64_t k = 0; k < 3; ++k) {
    SeedResults r = seed(k, 0.9, 0.5, 0.1, 0.4);
    r.methods = {"prp", "prp-alpha", "random", "prp-coupled", "prp-coupled-alpha"};
    for (const char* m : {"prp-alpha", "prp-coupled", "prp-coupled-alpha"}) r.values[m] = r.values["prp"];
    runs.push_back(r);
  }
  const SeedSummary s = summarize_seeds(runs, {{"hv_ratio", true}}, {.resamples = 100});
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const PairedComparison& c : s.comparisons) pairs.emplace_back(c.method, c.baseline);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"prp", "random"},         {"prp-alpha", "random"},         {"prp-coupled", "random"},
      {"prp-coupled", "prp"},    {"prp-coupled-alpha", "random"}, {"prp-coupled-alpha", "prp-alpha"}};
  EXPECT_EQ(pairs, expected);
}

TEST(SeedSummary, SeedsWithoutAValueAreLeftOutOfThatFigureOnly) {
  std::vector<SeedResults> runs = {seed(0, 0.8, 0.5, 0.1, 0.3), seed(1, 0.9, 0.6, 0.2, 0.3)};
  runs[1].values["random"]["igd_plus"] = std::nan("");
  const SeedSummary s = summarize_seeds(runs, kMetrics, {.resamples = 200});
  EXPECT_EQ(find(s, "random", "igd_plus").n, 1u);
  EXPECT_TRUE(std::isnan(find(s, "random", "igd_plus").sd));
  EXPECT_EQ(find(s, "random", "hv_ratio").n, 2u);
  EXPECT_EQ(s.comparisons[1].n, 1u);
}

TEST(SeedSummary, ReadsResultsFilesAndNamesABadCell) {
  const std::string dir = testing::TempDir() + "/seed_summary_read";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir + "/good.csv") << "method,hv_ratio,igd_plus,other\nprp,0.5,,x\nrandom,0.25,1e-3,y\n";
    std::ofstream(dir + "/bad.csv") << "method,hv_ratio,igd_plus\nprp,0.5,oops\n";
  }
  const SeedResults r = read_seed_results(dir + "/good.csv", 7, kMetrics);
  EXPECT_EQ(r.seed, 7u);
  EXPECT_EQ(r.methods, (std::vector<std::string>{"prp", "random"}));
  EXPECT_EQ(r.values.at("random").at("igd_plus"), 1e-3);
  EXPECT_TRUE(std::isnan(r.values.at("prp").at("igd_plus")));
  try {
    read_seed_results(dir + "/bad.csv", 0, kMetrics);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.csv:2: igd_plus"), std::string::npos) << e.what();
  }
  EXPECT_THROW(summarize_seeds({}, kMetrics), ConfigError);
}

TEST(SeedSummary, FoldersArePairedByTheSeedsBothHold) {
  const std::string root = testing::TempDir() + "/seed_summary_folders";
  std::filesystem::remove_all(root);
  auto write = [&](const std::string& dir, int seed, double prp_hv) {
    std::filesystem::create_directories(root + "/" + dir + "/seed-" + std::to_string(seed));
    std::ofstream(root + "/" + dir + "/seed-" + std::to_string(seed) + "/results.csv")
        << "method,hv_ratio,igd_plus\nprp," << prp_hv << ",0.1\nspos,0.5,0.2\n";
  };
  for (int s : {0, 1, 2, 3}) write("ablation", s, 0.6 + 0.01 * s);
  for (int s : {1, 2, 3, 4}) write("base", s, 0.5);
  std::filesystem::create_directories(root + "/base/seed-9");  // no results: not a seed yet
  std::filesystem::create_directories(root + "/base/seed-x");
  EXPECT_EQ(folder_seeds(root + "/base"), (std::vector<std::uint64_t>{1, 2, 3, 4}));
  const std::vector<PairedComparison> c =
      compare_folders({root + "/ablation", "prp"}, {root + "/base", "prp"}, kMetrics);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].method, root + "/ablation:prp");
  EXPECT_EQ(c[0].baseline, root + "/base:prp");
  EXPECT_EQ(c[0].n, 3u);  // seeds 1-3
  EXPECT_EQ(c[0].better, 3u);
  EXPECT_NEAR(c[0].mean_difference, 0.12, 1e-12);
  EXPECT_EQ(c[1].n, 3u);
  EXPECT_EQ(c[1].better + c[1].worse, 0u);  // equal IGD+
  const std::vector<PairedComparison> cross =
      compare_folders({root + "/ablation", "prp"}, {root + "/base", "spos"}, kMetrics);
  EXPECT_NEAR(cross[0].mean_difference, 0.12, 1e-12);
  EXPECT_THROW(compare_folders({root + "/ablation", "fairnas"}, {root + "/base", "prp"}, kMetrics), DataError);
  EXPECT_THROW(compare_folders({root + "/ablation", "prp"}, {root + "/missing", "prp"}, kMetrics), ConfigError);
}

}  // namespace
}  // namespace prpnas::eval
