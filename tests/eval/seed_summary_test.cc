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

}  // namespace
}  // namespace prpnas::eval
