// `prpnas export` end to end on one architecture of every space: a tiny SPOS
// run on the synthetic dataset, exported, the file loaded back with
// torch::jit::load and compared with the logits its sidecar records; bad
// input refused in one line (issue 21).
#include "cli_fixture.h"

#include <gtest/gtest.h>
#include <torch/script.h>

#include <nlohmann/json.hpp>

#include "prpnas/data/image_dataset.h"
#include "prpnas/util/csv.h"

namespace {

using Result = prpnas::testing::CliResult;

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

class ExportCliBase : public prpnas::testing::CliFixture {
 protected:
  // SPOS, 4 steps at batch 16; objectives that need no LUT.
  std::string train(const std::string& space, const std::string& truth = "") {
    const std::string cfg = file("run.toml", R"(seed = 2
threads = 1
objectives = ["accuracy:max", "params:min"]
[network]
space = ")" + space + R"("
[data]
dataset = "synthetic"
valid_size = 1000
train_limit = 1000
valid_limit = 100
[training]
batch_size = 16
budget_images = 64
[evaluation]
recalibration_batches = 1
batch_size = 50
valid_images = 50
final_sample = 4
truth = ")" + truth + R"("
[checkpoint]
every = 5
)");
    const std::string run_dir = (dir_ / "run").string();
    const Result r = run("train --method spos --config " + cfg + " --out " + run_dir);
    EXPECT_EQ(r.code, 0) << r.err;
    return run_dir;
  }
};

class ExportCli : public ExportCliBase, public ::testing::WithParamInterface<std::string> {};

TEST_P(ExportCli, TheFileRunsWithoutPrpnasAndGivesPrpnasLogits) {
  const std::string run_dir = train(GetParam());
  const std::string arch = prpnas::read_csv(run_dir + "/front.csv").rows.at(0).at(0);
  const std::string out = (dir_ / "models" / "net.pt").string();  // a folder that does not exist yet
  const Result r = run("export --run " + run_dir + " --arch " + shell_quote(arch) + " --out " + out);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("logits within"), std::string::npos) << r.out;

  const nlohmann::json sidecar = nlohmann::json::parse(slurp(out + ".json"));
  EXPECT_EQ(sidecar["space"], GetParam());
  EXPECT_EQ(sidecar["arch"], arch);
  EXPECT_EQ(sidecar["weights"]["source"], "supernet");
  EXPECT_EQ(sidecar["costs"]["params"]["source"], "counted on the network");
  EXPECT_LE(sidecar["check"]["max_abs_logit_difference"].get<double>(), 1e-5);

  // Loaded here by libtorch alone, on the test images the sidecar names,
  // normalised as the sidecar says.
  torch::jit::Module loaded = torch::jit::load(out);
  prpnas::data::DatasetOptions options;
  options.spec = "synthetic";
  const prpnas::data::DatasetSplits data = prpnas::data::load_dataset(options);
  const std::vector<int64_t> positions = sidecar["check"]["test_file_positions"];
  ASSERT_FALSE(positions.empty());
  const std::vector<float> mean = sidecar["normalisation"]["mean"], stddev = sidecar["normalisation"]["std"];
  const torch::Tensor pixels = data.test.images.index_select(0, torch::tensor(positions)).to(torch::kFloat) / 255;
  const torch::Tensor images = (pixels - torch::tensor(mean).view({1, -1, 1, 1})) / torch::tensor(stddev).view({1, -1, 1, 1});
  const torch::Tensor logits = loaded.forward({images}).toTensor();
  const std::vector<std::vector<float>> expected = sidecar["check"]["logits"];
  for (std::size_t i = 0; i < expected.size(); ++i) {
    for (std::size_t c = 0; c < expected[i].size(); ++c) {
      EXPECT_NEAR(logits[i][c].item<float>(), expected[i][c], 1e-5) << i << " " << c;
    }
  }

  expect_error("export --run " + run_dir + " --arch nonsense --out " + out, "--arch: ");
  expect_error("export --run " + (dir_ / "nowhere").string() + " --arch " + shell_quote(arch) + " --out " + out,
               "no config.toml, so not a training run directory");
}

INSTANTIATE_TEST_SUITE_P(EverySpace, ExportCli, ::testing::Values("nb201", "chain", "darts", "proxyless"));

// The two other sources of weights: fine-tuned, and trained from scratch at
// the ground truth's fidelity, which reproduces the truth's row exactly.
TEST_F(ExportCliBase, FineTunedOrTrainedAtTheGroundTruthsFidelity) {
  const std::string truth = (dir_ / "truth.csv").string();
  const Result gt = run("ground-truth --space nb201 --dataset synthetic --valid-size 1000 --train-limit 300 "
                        "--test-limit 200 --samples 2 --seed 4 --epochs 1 --batch-size 32 --out " + truth);
  ASSERT_EQ(gt.code, 0) << gt.err;
  const prpnas::CsvTable rows = prpnas::read_csv(truth);
  const std::string arch = rows.rows.at(0).at(rows.column("arch"));
  const std::string run_dir = train("nb201", truth);

  const std::string scratch = (dir_ / "scratch.pt").string();
  const Result r = run("export --run " + run_dir + " --arch " + shell_quote(arch) + " --from-ground-truth --out " + scratch);
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json s = nlohmann::json::parse(slurp(scratch + ".json"));
  EXPECT_EQ(s["weights"]["source"], "stand-alone training from scratch at the ground truth's fidelity");
  EXPECT_EQ(s["accuracy"]["stand_alone_test"], s["accuracy"]["ground_truth_test"]) << s.dump(2);
  EXPECT_DOUBLE_EQ(s["accuracy"]["stand_alone_test"].get<double>(), rows.numbers("test_acc")[0]);

  const std::string tuned = (dir_ / "tuned.pt").string();
  const Result f = run("export --run " + run_dir + " --arch " + shell_quote(arch) + " --finetune-epochs 1 --out " + tuned);
  ASSERT_EQ(f.code, 0) << f.err;
  const nlohmann::json t = nlohmann::json::parse(slurp(tuned + ".json"));
  EXPECT_EQ(t["weights"]["source"], "supernet, fine-tuned stand-alone");
  EXPECT_EQ(t["weights"]["finetune"]["epochs"], 1);
  EXPECT_TRUE(t["accuracy"].contains("finetuned_test")) << t.dump(2);
  EXPECT_LE(t["check"]["max_abs_logit_difference"].get<double>(), 1e-5);

  expect_error("export --run " + run_dir + " --arch " + shell_quote(arch) + " --from-ground-truth --finetune-epochs 2 "
               "--out " + tuned, "not given with --from-ground-truth");
  const std::string no_truth = (dir_ / "no_truth").string();
  std::filesystem::rename(run_dir, no_truth);
  const std::string other = train("nb201");
  expect_error("export --run " + other + " --arch " + shell_quote(arch) + " --from-ground-truth --out " + tuned,
               "--from-ground-truth: the run's config names no evaluation.truth");
}

}  // namespace
