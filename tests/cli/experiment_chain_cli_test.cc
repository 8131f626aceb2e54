// Stand-alone ground truth and `prpnas experiment --config` on the chain test
// space (not NB201) on the synthetic dataset: ground-truth and train-arch
// train chain networks, and the experiment judges two methods' fronts with
// stand-alone results of chain architectures.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "prpnas/space/chain_space.h"
#include "prpnas/util/csv.h"

namespace prpnas::testing {
namespace {

class ExperimentChainCli : public CliFixture {
 protected:
  const std::string fidelity_ =
      " --space chain --preset small --dataset synthetic --valid-size 1000 --train-limit 1000 --epochs 1"
      " --batch-size 64";
};

std::set<std::string> chain_archs_of(const std::string& path) {
  std::set<std::string> archs;
  const CsvTable csv = read_csv(path);
  for (const auto& row : csv.rows) archs.insert(row[csv.column("arch")]);
  return archs;
}

TEST_F(ExperimentChainCli, GroundTruthAndExperimentOnTheChainSpace) {
  const space::ChainSpace chain;
  const std::string lut = (dir_ / "lut.csv").string(), gt = (dir_ / "gt.csv").string();
  const CliResult measured = run("lut measure --space chain --preset small --input 1x16x16 --classes 10 "
                                 "--repeats 3 --warmup 1 --out " + lut);
  ASSERT_EQ(measured.code, 0) << measured.err;
  const CliResult truth = run("ground-truth --samples 4 --seed 3 --jobs 2 --out " + gt + fidelity_);
  ASSERT_EQ(truth.code, 0) << truth.err;
  EXPECT_EQ(nlohmann::json::parse(slurp(gt + ".json")).at("space"), "chain");
  const CsvTable gt_rows = read_csv(gt);
  ASSERT_EQ(gt_rows.rows.size(), 4u);
  for (const auto& row : gt_rows.rows) {
    EXPECT_TRUE(chain.is_valid(chain.parse(row[gt_rows.column("arch")])));
    EXPECT_GT(std::stod(row[gt_rows.column("params")]), 0);
    EXPECT_GT(std::stod(row[gt_rows.column("flops")]), 0);
  }

  // train-arch: one chain architecture; FLOPs as counted by hand in tests/nn/chain_costs_test.cc.
  const std::string one = (dir_ / "one").string();
  const CliResult arch = run("train-arch --arch conv3x3-conv5x5-skip-avg_pool3x3 --out " + one + fidelity_);
  ASSERT_EQ(arch.code, 0) << arch.err;
  const nlohmann::json metrics = nlohmann::json::parse(slurp(one + "/metrics.json"));
  EXPECT_EQ(metrics.at("space"), "chain");
  EXPECT_EQ(metrics.at("fidelity").at("space"), "chain");
  EXPECT_EQ(metrics.at("flops"), 575578);

  const std::string config = file("chain.toml", R"(seed = 3
objectives = ["accuracy:max", "latency_ms:min", "params:min"]
[network]
space = "chain"
preset = "small"
[data]
dataset = "synthetic"
valid_size = 1000
train_limit = 2000
valid_limit = 300
[training]
batch_size = 32
budget_images = 2880
fairness_share = 0.5
[alpha]
samples = 16
top_n = 4
[ranking]
pool = 40
[evaluation]
recalibration_batches = 1
batch_size = 100
valid_images = 200
final_sample = 20
every = 10
truth = ")" + gt + R"("
lut = ")" + lut + R"("
[front]
max_candidates = 16
[checkpoint]
every = 10
)");
  const std::string out = (dir_ / "results").string();
  const CliResult r = run("experiment --config " + config + " --methods spos,prp --jobs 2 --out " + out);
  ASSERT_EQ(r.code, 0) << r.err;

  const CsvTable results = read_csv(out + "/results.csv");
  ASSERT_EQ(results.rows.size(), 5u);
  EXPECT_EQ(results.rows[0][0], "spos");
  EXPECT_EQ(results.rows[1][0], "prp");
  EXPECT_EQ(results.rows[2][0], "prp-alpha");
  EXPECT_EQ(results.rows[3][0], "cost-only");
  EXPECT_EQ(results.rows[4][0], "random-estimates");
  EXPECT_EQ(results.rows[0][results.column("objectives")], "test_accuracy:max latency_ms:min params:min");
  std::set<std::string> known = chain_archs_of(gt);
  if (std::filesystem::exists(out + "/ground_truth.csv")) {
    for (const auto& a : chain_archs_of(out + "/ground_truth.csv")) known.insert(a);
  }
  for (const std::string front_file : {"spos/uniform_front.csv", "prp/uniform_front.csv", "prp/front.csv"}) {
    const CsvTable front = read_csv(out + "/" + front_file);
    EXPECT_FALSE(front.rows.empty());
    for (const auto& row : front.rows) {
      EXPECT_TRUE(chain.is_valid(chain.parse(row[0]))) << row[0];
      EXPECT_TRUE(known.count(row[0])) << row[0] << " has no stand-alone result";
    }
  }

  // A ground truth whose sidecar names no space (so nb201, as written before
  // other spaces) is refused before anything trains.
  const std::string old_gt = file("old_gt.csv", slurp(gt));
  nlohmann::json sidecar = nlohmann::json::parse(slurp(gt + ".json"));
  sidecar.erase("space");
  file("old_gt.csv.json", sidecar.dump());
  std::string other = slurp(config);
  other.replace(other.find(gt), gt.size(), old_gt);
  const std::string other_out = (dir_ / "other").string();
  expect_error("experiment --config " + file("other.toml", other) + " --methods spos --out " + other_out,
               "a ground truth of space nb201");
  EXPECT_FALSE(std::filesystem::exists(other_out + "/spos/log.csv"));  // nothing trained
}

}  // namespace
}  // namespace prpnas::testing
