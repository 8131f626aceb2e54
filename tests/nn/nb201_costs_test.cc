#include "prpnas/nn/nb201/costs.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "prpnas/nn/nb201/supernet.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {
namespace {

using space::Nb201Space;

// Every row of the shipped table: our counts on the real modules equal
// NB201's published params and FLOPs (stored in millions, exact decimals).
void expect_table_matches(const Nb201Config& config, const std::string& dataset) {
  static const CsvTable table = read_csv(std::string(PRPNAS_SOURCE_DIR) + "/data/nb201.csv.gz");
  ASSERT_EQ(table.rows.size(), 15625u);
  const NetworkCosts costs = measure_nb201_costs(config);
  const Nb201Space s;
  const std::size_t arch = table.column("arch");
  const std::vector<double> params = table.numbers("params_" + dataset), flops = table.numbers("flops_" + dataset);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const space::Architecture a = s.parse(table.rows[r][arch]);
    ASSERT_EQ(std::llround(costs.params.cost(a)), std::llround(params[r] * 1e6)) << dataset << " " << table.rows[r][arch];
    ASSERT_EQ(std::llround(costs.flops.cost(a)), std::llround(flops[r] * 1e6)) << dataset << " " << table.rows[r][arch];
  }
}

TEST(Nb201Costs, MatchNasBench201OnCifar10) { expect_table_matches(nb201_preset("paper", 3, 32, 10), "cifar10"); }

TEST(Nb201Costs, MatchNasBench201OnCifar100) { expect_table_matches(nb201_preset("paper", 3, 32, 100), "cifar100"); }

TEST(Nb201Costs, MatchNasBench201OnImageNet16) {
  expect_table_matches(nb201_preset("paper", 3, 16, 120), "imagenet16");
}

TEST(Nb201Costs, ClosedFormOfDataReadme) {
  // data/README.md: 73,306 + 28,000 n1 + 243,040 n3 params; the 15 cells
  // hold each op once per edge, so an entry is 15 cells' worth.
  const NetworkCosts c = measure_nb201_costs(nb201_preset("paper", 3, 32, 10));
  EXPECT_EQ(c.params.fixed, 73306);
  EXPECT_EQ(c.flops.fixed, 7783050);
  for (int d = 0; d < 6; ++d) {
    EXPECT_EQ(c.params.choice[d][Nb201Space::kConv1x1], 28000);
    EXPECT_EQ(c.params.choice[d][Nb201Space::kConv3x3], 243040);
    EXPECT_EQ(c.flops.choice[d][Nb201Space::kConv1x1], 3932160);
    EXPECT_EQ(c.flops.choice[d][Nb201Space::kConv3x3], 35389440);
    for (int op : {Nb201Space::kNone, Nb201Space::kSkipConnect, Nb201Space::kAvgPool3x3}) {
      EXPECT_EQ(c.params.choice[d][op], 0);
      EXPECT_EQ(c.flops.choice[d][op], 0);
    }
  }
}

TEST(Nb201Costs, FixedAndOpParamsCoverTheSupernetWeights) {
  const Nb201Config config = nb201_preset("default", 1, 28, 10);
  const NetworkCosts c = measure_nb201_costs(config);
  double ops = 0;
  for (const auto& row : c.params.choice) {
    for (double v : row) ops += v;
  }
  double weights = 0;
  for (const auto& w : Nb201Supernet(config)->weights()) weights += static_cast<double>(w.numel());
  EXPECT_EQ(c.params.fixed + ops, weights);
}

TEST(Nb201Costs, CostRejectsBadArchitectures) {
  const NetworkCosts c = measure_nb201_costs(nb201_preset("default", 1, 28, 10));
  EXPECT_THROW(c.params.cost({0, 1, 2}), Error);
  EXPECT_THROW(c.flops.cost({0, 1, 2, 3, 4, 5}), Error);
}

TEST(Nb201Config, PresetsAndChecks) {
  const Nb201Config paper = nb201_preset("paper", 3, 32, 10);
  EXPECT_EQ(paper.channels, 16);
  EXPECT_EQ(paper.cells_per_stage, 5);
  EXPECT_EQ(nb201_preset("default", 1, 28, 10).channels, 8);
  EXPECT_THROW(nb201_preset("huge", 3, 32, 10), ConfigError);
  EXPECT_THROW(nb201_preset("paper", 0, 32, 10), ConfigError);
  EXPECT_THROW(nb201_preset("paper", 3, 30, 10), ConfigError);  // not a multiple of 4
  EXPECT_THROW(nb201_preset("paper", 3, 0, 10), ConfigError);
  EXPECT_THROW(nb201_preset("paper", 3, 32, 0), ConfigError);
  Nb201Config bad = paper;
  bad.cells_per_stage = 0;
  EXPECT_THROW(bad.check(), ConfigError);
  bad = paper;
  bad.channels = 0;
  EXPECT_THROW(bad.check(), ConfigError);
  try {
    nb201_preset("huge", 3, 32, 10);
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("paper"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace prpnas::nn
