// `prpnas export` end to end on one architecture of every space: a tiny SPOS
// run on the synthetic dataset, exported, the file loaded back with
// torch::jit::load and compared with the logits its sidecar records; bad
// input refused in one line (issue 21).
#include "cli_fixture.h"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <torch/script.h>

#include <nlohmann/json.hpp>

#include "prpnas/data/image_dataset.h"
#include "prpnas/deploy/switchable_model.h"
#include "prpnas/util/error.h"
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
  std::string train(const std::string& space, const std::string& truth = "", int final_sample = 4) {
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
final_sample = )" + std::to_string(final_sample) + R"(
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

INSTANTIATE_TEST_SUITE_P(EverySpace, ExportCli, ::testing::Values("nb201", "chain", "darts", "proxyless", "ofa"));

// A bundle of the front: each architecture, selected, computes its single
// export; the shared weights make it smaller than the separate files; a
// damaged bundle or manifest is refused in one line.
TEST_F(ExportCliBase, TheBundleSwitchesBetweenTheFrontsNetworks) {
  const std::string run_dir = train("nb201", "", 30);
  const std::string bundle = (dir_ / "bundle").string();
  const Result r = run("export --run " + run_dir + " --front --count 3 --out " + bundle);
  ASSERT_EQ(r.code, 0) << r.err;
  prpnas::deploy::SwitchableModel model(bundle);
  ASSERT_GE(model.size(), 2u) << r.out;
  const nlohmann::json& manifest = model.manifest();
  EXPECT_LT(manifest["bundle"]["bytes"].get<int64_t>(), manifest["separate_exports_bytes"].get<int64_t>());
  EXPECT_EQ(model.active().accuracy_kind, "shared-weight validation estimate");
  for (std::size_t k = 1; k < model.size(); ++k) {
    EXPECT_LE(model.entries()[k].accuracy, model.entries()[k - 1].accuracy);  // most accurate first
  }

  const torch::Tensor x = torch::randn({3, 1, 16, 16});
  for (std::size_t k = 0; k < model.size(); ++k) {
    const std::string single = (dir_ / ("net" + std::to_string(k) + ".pt")).string();
    const Result e = run("export --run " + run_dir + " --arch " + shell_quote(model.entries()[k].arch) + " --out " + single);
    ASSERT_EQ(e.code, 0) << e.err;
    torch::jit::Module alone = torch::jit::load(single);
    model.select(k);
    EXPECT_LE((model.infer(x) - alone.forward({x}).toTensor()).abs().max().item<float>(), 1e-5f) << k;
  }
  EXPECT_THROW(model.select(model.size()), prpnas::ConfigError);

  // Damage, one kind at a time, to copies.
  auto damaged = [&](const std::string& name, const std::function<void(const std::filesystem::path&)>& harm) {
    const std::filesystem::path copy = dir_ / name;
    std::filesystem::copy(bundle, copy);
    harm(copy);
    try {
      prpnas::deploy::SwitchableModel broken(copy.string());
      ADD_FAILURE() << name << " was accepted";
      return std::string();
    } catch (const prpnas::DataError& e) {
      EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
      return std::string(e.what());
    }
  };
  const std::string cut = damaged("cut", [](const std::filesystem::path& d) {
    std::filesystem::resize_file(d / "bundle.pt", std::filesystem::file_size(d / "bundle.pt") / 2);
  });
  EXPECT_NE(cut.find("cut short or damaged"), std::string::npos) << cut;
  const std::string flipped = damaged("flipped", [](const std::filesystem::path& d) {
    std::fstream f(d / "bundle.pt", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(1000);
    f.put('\x5a');
  });
  EXPECT_NE(flipped.find("CRC-32"), std::string::npos) << flipped;
  const std::string manifest_cut = damaged("manifest", [](const std::filesystem::path& d) {
    std::filesystem::resize_file(d / "manifest.json", 100);
  });
  EXPECT_NE(manifest_cut.find("manifest.json: not a bundle manifest"), std::string::npos) << manifest_cut;
  expect_error("export --run " + run_dir + " --front --arch x --out " + bundle, "give no --arch");

  // A simulated day on HW-NAS-Bench's Jetson TX2 energies (the run has no LUT, so its manifest no energy).
  const std::string sim = (dir_ / "sim").string();
  expect_error("battery simulate --bundle " + bundle + " --capacity-mwh 100 --rate 1 --out " + sim, "has no energy_mj");
  const std::string table = std::string(PRPNAS_SOURCE_DIR) + "/data/hwnasbench_nb201.csv.gz";
  const Result b = run("battery simulate --bundle " + bundle + " --capacity-mwh 1000000 --rate 2 --hours 24 --out " +
                       sim + " --energy-table " + table + " --energy-column c10_edgegpu_energy");
  ASSERT_EQ(b.code, 0) << b.err;
  const prpnas::CsvTable summary = prpnas::read_csv(sim + "/summary.csv");
  ASSERT_EQ(summary.rows.size(), 3u);  // the paper's three scenarios by default
  EXPECT_EQ(summary.rows[0][0], "most-accurate");
  const prpnas::CsvTable energies = prpnas::read_csv(table);
  double e0 = -1;
  for (const auto& row : energies.rows) {
    if (row[energies.column("arch")] == model.entries()[0].arch) e0 = std::stod(row[energies.column("c10_edgegpu_energy")]);
  }
  ASSERT_GT(e0, 0);
  EXPECT_NEAR(std::stod(summary.rows[0][summary.column("energy_mwh")]), 2 * e0 * 24, 1e-4 * e0);  // mJ/s x h = mWh
  EXPECT_NEAR(std::stod(summary.rows[0][summary.column("mean_accuracy")]), model.entries()[0].bundle_test_accuracy, 1e-3);
  EXPECT_TRUE(std::filesystem::exists(sim + "/battery.svg"));

  // The real bundle on this machine: on the export's 1,000 check images one
  // at a time, it scores what the manifest says it scored on them at once.
  const std::string live = (dir_ / "live").string();
  const Result fixed = run("battery run --bundle " + bundle + " --policy fixed:0 --rate 0 --inferences 1000 --out " + live);
  ASSERT_EQ(fixed.code, 0) << fixed.err;
  const prpnas::CsvTable tally = prpnas::read_csv(live + "/summary.csv");
  EXPECT_EQ(tally.rows[0][tally.column("inferences")], "1000");
  EXPECT_NEAR(std::stod(tally.rows[0][tally.column("accuracy")]), model.entries()[0].bundle_test_accuracy, 0.2);
  EXPECT_EQ(tally.rows[1][tally.column("inferences")], "0");
  EXPECT_EQ(prpnas::read_csv(live + "/switches.csv").rows.size(), 0u);

  // One wall second is ten device hours: time:2 steps to a cheaper architecture every 0.2 s.
  const Result timed = run("battery run --bundle " + bundle + " --policy time:2 --seconds 1 --time-scale 36000 --rate 200 "
                           "--capacity-mwh 1000000 --out " + live);
  ASSERT_EQ(timed.code, 0) << timed.err;
  EXPECT_NE(timed.out.find("switch 0 -> 1"), std::string::npos) << timed.out;
  const prpnas::CsvTable switches = prpnas::read_csv(live + "/switches.csv");
  ASSERT_EQ(switches.rows.size(), model.size() - 1);
  for (std::size_t i = 0; i < switches.rows.size(); ++i) {
    EXPECT_EQ(switches.rows[i][switches.column("to")], std::to_string(i + 1));
    EXPECT_GE(std::stod(switches.rows[i][switches.column("device_hours")]), 2.0 * (i + 1));
  }
  const prpnas::CsvTable battery = prpnas::read_csv(live + "/log.csv");
  for (std::size_t i = 1; i < battery.rows.size(); ++i) {
    EXPECT_LE(std::stod(battery.rows[i][2]), std::stod(battery.rows[i - 1][2]));  // the charge only falls
  }
  expect_error("battery run --bundle " + bundle + " --data fashion-mnist --out " + live, "but the bundle takes 1x16x16");
}

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
