// `prpnas train` end to end on the synthetic dataset: a run killed with
// kill -9 and started again ends with the alpha of an uninterrupted run;
// configuration mistakes are one-line errors naming the key.
#include "cli_fixture.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

#include "prpnas/util/csv.h"

namespace {

using Result = prpnas::testing::CliResult;

class TrainCli : public prpnas::testing::CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    lut_ = (dir_ / "lut.csv").string();
    const Result r = run("lut measure --input 1x16x16 --classes 10 --repeats 3 --warmup 1 --out " + lut_);
    ASSERT_EQ(r.code, 0) << r.err;
  }

  // 20 fairness steps and 60 Step 2 iterations at batch 32 on 16x16 images.
  std::string config() {
    return file("quick.toml", R"(seed = 3
threads = 1
[data]
dataset = "synthetic"
valid_size = 1000
train_limit = 2000
valid_limit = 300
[training]
batch_size = 32
budget_images = 5120
fairness_share = 0.625
[alpha]
samples = 16
top_n = 4
learning_rate = 0.05
[ranking]
pool = 40
[pruning]
every = 10
[evaluation]
recalibration_batches = 1
batch_size = 100
valid_images = 200
final_sample = 20
truth = ")" + std::string(PRPNAS_SOURCE_DIR) + R"(/data/ground_truth/seed1_first30.csv"
lut = ")" + lut_ + R"("
[front]
max_candidates = 16
[checkpoint]
every = 5
)");
  }

  std::string lut_;
};

TEST_F(TrainCli, AKilledRunResumesToTheAlphaOfAnUninterruptedOne) {
  const std::string cfg = config();
  const std::string whole = (dir_ / "whole").string(), killed = (dir_ / "killed").string();
  const Result r = run("train --method prp --config " + cfg + " --out " + whole);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Kendall tau-b"), std::string::npos) << r.out;
  for (const char* f : {"config.toml", "log.csv", "alpha.csv", "mask.csv", "pool.csv", "front.csv", "summary.json",
                        "checkpoint"}) {
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(whole) / f)) << f;
  }

  // Start, wait until step 25 is checkpointed (Step 2 has begun), kill -9.
  const std::string background = std::string(PRPNAS_BINARY) + " train --method prp --config " + cfg + " --out " +
                                 killed + " >/dev/null 2>&1 & echo $!";
  std::FILE* pipe = ::popen(background.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  int pid = 0;
  ASSERT_EQ(std::fscanf(pipe, "%d", &pid), 1);
  ::pclose(pipe);
  const auto log = std::filesystem::path(killed) / "log.csv";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    if (std::filesystem::exists(log) && prpnas::read_csv(log.string()).rows.size() >= 25) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ::kill(pid, SIGKILL);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ASSERT_FALSE(std::filesystem::exists(std::filesystem::path(killed) / "summary.json"))
      << "finished before the kill; make the run longer";

  const Result resumed = run("train --method prp --config " + cfg + " --out " + killed);
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("resuming"), std::string::npos) << resumed.err;
  for (const char* f : {"alpha.csv", "mask.csv", "front.csv", "pool.csv"}) {
    EXPECT_EQ(slurp(std::filesystem::path(killed) / f), slurp(std::filesystem::path(whole) / f)) << f;
  }
  // The logs agree on everything but wall time.
  ASSERT_EQ(prpnas::read_csv(whole + "/log.csv").rows.size(), 80u);
  prpnas::testing::expect_same_log_but_time(killed + "/log.csv", whole + "/log.csv");


  // Finished: a third run does nothing; other settings are refused.
  const Result again = run("train --method prp --config " + cfg + " --out " + killed);
  EXPECT_NE(again.err.find("already finished"), std::string::npos) << again.err;
  expect_error("train --method spos --config " + cfg + " --out " + killed, "other settings");
}

// Fronts pairwise non-dominated and from alive choices only, within the
// budget, and the same for the same seed.
void expect_search_front(const std::string& path, const std::string& mask_path) {
  const prpnas::CsvTable front = prpnas::read_csv(path);
  ASSERT_FALSE(front.rows.empty());
  const std::vector<double> accuracy = front.numbers("accuracy"), latency = front.numbers("latency_ms");
  for (std::size_t i = 0; i < accuracy.size(); ++i) {
    for (std::size_t j = 0; j < accuracy.size(); ++j) {
      const bool dominates = accuracy[i] >= accuracy[j] && latency[i] <= latency[j] &&
                             (accuracy[i] > accuracy[j] || latency[i] < latency[j]);
      EXPECT_FALSE(dominates) << front.rows[i][0] << " dominates " << front.rows[j][0];
    }
  }
  const prpnas::CsvTable mask = prpnas::read_csv(mask_path);
  for (const auto& row : mask.rows) {
    if (row[mask.column("alive")] != "0") continue;
    // A dead choice never appears on its edge: "|op~j|" in node i's group.
    const std::string& edge = row[mask.column("decision")];  // "edge j->i"
    const std::string needle = "|" + row[mask.column("choice")] + "~" + edge.substr(5, 1) + "|";
    const int node = edge[8] - '0';
    for (const auto& f : front.rows) {
      std::string group = f[0];
      for (int i = 1; i < node; ++i) group = group.substr(group.find('+') + 1);
      group = group.substr(0, group.find('+'));
      EXPECT_EQ(group.find(needle), std::string::npos) << f[0];
    }
  }
}

TEST_F(TrainCli, SearchFindsFrontsWithTheTrainedSupernet) {
  std::string cfg = slurp(config());
  cfg.replace(cfg.find("budget_images = 5120"), 20, "budget_images = 2560");
  const std::string run_dir = (dir_ / "run").string();
  const Result trained = run("train --config " + file("small.toml", cfg) + " --out " + run_dir);
  ASSERT_EQ(trained.code, 0) << trained.err;
  const std::string mask = run_dir + "/mask.csv";
  for (const char* algorithm : {"nsga2", "random", "alpha"}) {
    SCOPED_TRACE(algorithm);
    const std::string out = (dir_ / (std::string(algorithm) + ".csv")).string();
    const std::string args = std::string("search --run ") + run_dir + " --algorithm " + algorithm +
                             " --budget 12 --population 4 --seed 5 --out ";
    const Result r = run(args + out);
    ASSERT_EQ(r.code, 0) << r.err;
    expect_search_front(out, mask);
    const int calls = std::stoi(r.out.substr(r.out.find("front, ") + 7));
    EXPECT_LE(calls, 12) << r.out;
    EXPECT_GT(calls, 0) << r.out;
    ASSERT_EQ(run(args + out + ".again").code, 0);
    EXPECT_EQ(slurp(out), slurp(out + ".again"));
  }
  expect_error("search --run " + (dir_ / "nothing").string() + " --out x.csv", "not a training run directory");
  expect_error("search --run " + run_dir + " --objective params:min --out x.csv", "the run estimates accuracy, latency_ms");

  // Issue 20: one supernet, another device: --lut prices the same search with
  // a table of another network of the space, and says so.
  const std::string device_lut = (dir_ / "lut8.csv").string();
  const Result measured = run("lut measure --input 1x8x8 --classes 10 --repeats 3 --warmup 1 --out " + device_lut);
  ASSERT_EQ(measured.code, 0) << measured.err;
  const std::string out = (dir_ / "device.csv").string();
  const Result r = run("search --run " + run_dir + " --lut " + device_lut + " --budget 12 --population 4 --out " + out);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("note: Two networks: accuracy is that of the network this run trains"), std::string::npos) << r.err;
  expect_search_front(out, mask);
  const prpnas::CsvTable front = prpnas::read_csv(out);
  std::string archs;
  for (const auto& row : front.rows) archs += row[0] + "\n";
  const std::string costs = (dir_ / "costs.csv").string();
  ASSERT_EQ(run("costs --lut " + device_lut + " --cost latency_ms --archs " + file("front.txt", archs) + " --out " +
                costs).code, 0);
  const std::vector<double> expected = prpnas::read_csv(costs).numbers("latency_ms");
  const std::vector<double> got = front.numbers("latency_ms");
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], expected[i], 1e-4 * expected[i]) << i;
  const std::string phone = std::string(PRPNAS_SOURCE_DIR) + "/data/luts/proxyless_pixel1.csv";
  expect_error("search --run " + run_dir + " --lut " + phone + " --out x.csv", "proxyless_pixel1.csv");
}

// Issue 19: PRP trains on DARTS (Step 1 fair steps of 7 paths, Step 2,
// pruning, alpha's front) and every search algorithm answers with valid,
// non-dominated genotypes from the run's alive choices.
TEST_F(TrainCli, DartsTrainsAndSearchesEndToEnd) {
  const std::string lut = (dir_ / "darts_lut.csv").string();
  const Result measured =
      run("lut measure --space darts --input 1x16x16 --classes 10 --repeats 2 --warmup 1 --out " + lut);
  ASSERT_EQ(measured.code, 0) << measured.err;
  // 2 fair steps of 7 paths, then 12 Step 2 iterations, at batch 16.
  const std::string cfg = file("darts.toml", R"(seed = 1
threads = 1
[network]
space = "darts"
[data]
dataset = "synthetic"
valid_size = 1000
train_limit = 1000
valid_limit = 100
[training]
batch_size = 16
budget_images = 416
fairness_share = 0.5385
[alpha]
samples = 8
top_n = 2
[ranking]
pool = 12
[pruning]
every = 4
[evaluation]
recalibration_batches = 1
batch_size = 50
valid_images = 50
final_sample = 6
truth = ""
lut = ")" + lut + R"("
[front]
max_candidates = 6
[checkpoint]
every = 5
)");
  const std::string run_dir = (dir_ / "darts").string();
  const Result trained = run("train --config " + cfg + " --out " + run_dir);
  ASSERT_EQ(trained.code, 0) << trained.err;
  const nlohmann::json summary = nlohmann::json::parse(slurp(run_dir + "/summary.json"));
  EXPECT_EQ(summary["steps"]["fairness"], 2) << summary.dump();
  EXPECT_EQ(summary["steps"]["single_path"], 12) << summary.dump();
  const prpnas::CsvTable mask = prpnas::read_csv(run_dir + "/mask.csv");
  // Per cell type: the input pairs of nodes 2..5 (1 + 3 + 6 + 10) and 7 ops on each node's 2 edges.
  EXPECT_EQ(mask.rows.size(), 2u * (1 + 3 + 6 + 10 + 4 * 2 * 7));

  for (const char* algorithm : {"nsga2", "random", "alpha"}) {
    SCOPED_TRACE(algorithm);
    const std::string out = (dir_ / (std::string("darts_") + algorithm + ".csv")).string();
    const Result r = run(std::string("search --run ") + run_dir + " --algorithm " + algorithm +
                         " --budget 8 --population 4 --seed 2 --out " + out);
    ASSERT_EQ(r.code, 0) << r.err;
    const prpnas::CsvTable front = prpnas::read_csv(out);
    ASSERT_FALSE(front.rows.empty());
    std::string archs;
    for (const auto& row : front.rows) archs += row[front.column("arch")] + "\n";
    const Result checked = run("space check --space darts --input " + file("front.txt", archs));
    EXPECT_EQ(checked.code, 0) << checked.err;
    const std::vector<double> accuracy = front.numbers("accuracy"), latency = front.numbers("latency_ms");
    for (std::size_t i = 0; i < accuracy.size(); ++i) {
      for (std::size_t j = 0; j < accuracy.size(); ++j) {
        EXPECT_FALSE(accuracy[i] >= accuracy[j] && latency[i] <= latency[j] &&
                     (accuracy[i] > accuracy[j] || latency[i] < latency[j]))
            << front.rows[i][0] << " dominates " << front.rows[j][0];
      }
    }
  }
}

// Three objectives: Step 2 ranks, the pool, the front and the summary use
// accuracy, LUT latency and the parameter count (not proportional to
// latency, so the front is a genuine 3-D one); search can use them all.
TEST_F(TrainCli, ThreeObjectivesRunEndToEnd) {
  std::string cfg = slurp(config());
  cfg.replace(cfg.find("budget_images = 5120"), 20, "budget_images = 2560");
  cfg = "objectives = [\"accuracy:max\", \"latency_ms:min\", \"params:min\"]\n" + cfg;
  const std::string run_dir = (dir_ / "run").string();
  const Result r = run("train --config " + file("three.toml", cfg) + " --out " + run_dir);
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json summary = nlohmann::json::parse(slurp(run_dir + "/summary.json"));
  EXPECT_EQ(summary["objectives"], nlohmann::json({"accuracy:max", "latency_ms:min", "params:min"}));
  const prpnas::CsvTable pool = prpnas::read_csv(run_dir + "/pool.csv");
  EXPECT_EQ(pool.header, (std::vector<std::string>{"arch", "accuracy", "latency_ms", "params"}));
  const prpnas::CsvTable front = prpnas::read_csv(run_dir + "/front.csv");
  ASSERT_EQ(front.header, (std::vector<std::string>{"arch", "accuracy", "latency_ms", "params", "true_accuracy"}));
  const auto acc = front.numbers("accuracy"), lat = front.numbers("latency_ms"), params = front.numbers("params");
  for (std::size_t i = 0; i < acc.size(); ++i) {
    for (std::size_t j = 0; j < acc.size(); ++j) {
      const bool dominates = acc[i] >= acc[j] && lat[i] <= lat[j] && params[i] <= params[j] &&
                             (acc[i] > acc[j] || lat[i] < lat[j] || params[i] < params[j]);
      EXPECT_FALSE(dominates) << front.rows[i][0] << " dominates " << front.rows[j][0];
    }
  }
  const std::string out = (dir_ / "found.csv").string();
  const Result s = run("search --run " + run_dir + " --objective accuracy:max --objective params:min "
                       "--objective latency_ms:min --budget 12 --population 4 --out " + out);
  ASSERT_EQ(s.code, 0) << s.err;
  EXPECT_EQ(prpnas::read_csv(out).header, (std::vector<std::string>{"arch", "accuracy", "params", "latency_ms"}));
  expect_error("train --config " + file("bad.toml", "objectives = [\"accuracy:max\", \"speed:max\"]\n") +
                   " --out " + (dir_ / "bad").string(),
               "objectives");
}

// Issue 17, item 7: a start that failed on a typo used to bind the run
// directory to the typo ("was started with other settings").
TEST_F(TrainCli, AFailedStartDoesNotClaimTheRunDirectory) {
  const std::string good = config(), out = (dir_ / "run").string();
  std::string text = slurp(good);
  const std::string truth = "/data/ground_truth/seed1_first30.csv";
  text.replace(text.find(truth), truth.size(), "/data/ground_truth/no_such_file.csv");
  const std::string typo = file("typo.toml", text);
  expect_error("train --method spos --config " + typo + " --out " + out, "no_such_file.csv");
  const Result r = run("train --method spos --config " + good + " --out " + out);
  EXPECT_EQ(r.code, 0) << r.err;
}

// Issue 20: a device's table of the space (the Pixel 1's, at 224x224) ranks a
// supernet trained at another resolution, only when the config says so.
TEST_F(TrainCli, ADeviceTableOfTheSpaceRanksOnlyWhenTheConfigSaysSo) {
  const std::string device_lut = (dir_ / "lut8.csv").string();
  const Result measured = run("lut measure --input 1x8x8 --classes 10 --repeats 3 --warmup 1 --out " + device_lut);
  ASSERT_EQ(measured.code, 0) << measured.err;
  std::string text = slurp(config());
  text.replace(text.find(lut_), lut_.size(), device_lut);
  expect_error("train --method spos --config " + file("run.toml", text) + " --out " + (dir_ / "a").string(),
               "evaluation.lut_network = \"space\"");
  text.replace(text.find("[evaluation]\n"), 13, "[evaluation]\nlut_network = \"space\"\n");
  const std::string run_dir = (dir_ / "b").string();
  const Result r = run("train --method spos --config " + file("space.toml", text) + " --out " + run_dir);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("note: Two networks: accuracy is that of the network this run trains (nb201, preset default, "
                       "1x16x16 input); latency and energy are those of"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("for another network of the same space (preset default, 1x8x8 input: {"), std::string::npos)
      << r.err;

  // The front's latencies are the device table's sums.
  const prpnas::CsvTable front = prpnas::read_csv(run_dir + "/front.csv");
  ASSERT_FALSE(front.rows.empty());
  std::string archs;
  for (const auto& row : front.rows) archs += row[0] + "\n";
  const std::string costs = (dir_ / "costs.csv").string();
  const Result c = run("costs --lut " + device_lut + " --cost latency_ms --archs " + file("front.txt", archs) +
                       " --out " + costs);
  ASSERT_EQ(c.code, 0) << c.err;
  const std::vector<double> expected = prpnas::read_csv(costs).numbers("latency_ms");
  const std::vector<double> got = front.numbers("latency_ms");
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], expected[i], 1e-4 * expected[i]) << i;
  expect_error("train --config " + file("l.toml", "[evaluation]\nlut_network = \"phone\"\n") + " --out " +
                   (dir_ / "c").string(),
               "evaluation.lut_network must be \"run\" or \"space\"");
}

TEST_F(TrainCli, ConfigurationMistakesNameTheKey) {
  int runs = 0;  // each case its own run directory: a claimed one would refuse other settings
  auto out = [&] { return " --out " + (dir_ / ("run" + std::to_string(++runs))).string(); };
  expect_error("train --config " + file("a.toml", "[pruning]\nevry = 3\n") + out(), "unknown key 'pruning.evry'");
  expect_error("train --config " + file("b.toml", "[front]\nkeep_ratio = \"half\"\n") + out(), "front.keep_ratio");
  expect_error("train --config " + file("bad.toml", "seed = [1,\n") + out(), "bad.toml:");
  expect_error("train --method darts --config " + config() + out(), "unknown method 'darts'");
  expect_error("train --config " + file("c.toml", "[alpha]\ntop_n = 99\n") + out(), "top_n");
  expect_error("train --config " + file("d.toml", "[evaluation]\ntruth = \"\"\nlut = \"" + lut_ + "\"\n") + out(),
               "was measured on the network");  // a 16x16 LUT for 28x28 Fashion-MNIST
  expect_error("train --config " + file("t.toml", "[evaluation]\ntruth = \"nowhere.csv\"\n") + out(),
               "evaluation.truth = 'nowhere.csv'");
  // Issue 17: named after the key at fault, not a neighbour or a derived file.
  expect_error("train --config " + file("e.toml", "[training]\nbatch_size = 4294967296\n") + out(),
               "training.batch_size = 4294967296 must be in 1..65536");
  expect_error("train --config " + file("f.toml", "[evaluation]\ntruth = \"\"\nlut = \"nolut.csv\"\n") + out(),
               "evaluation.lut: nolut.csv: no such file");
  expect_error("train --config " + file("g.toml", "[evaluation]\ntruth = \"\"\n[alpha]\nsamples = 300\n") + out(),
               "alpha.samples = 300 is more than ranking.pool = 256");
  expect_error("train --space chain --config " + file("h.toml", "[evaluation]\ntruth = \"\"\n") + out(),
               "ranking.pool = 256 is more than the 60 valid architectures of space chain");
  expect_error("train --config " + dir_.string() + out(), "is a directory, not a file");
  // Issue 19: NB201 files in a run of another space name the key that brought them.
  expect_error("train --space darts --config " + config() + out(), "evaluation.truth");
  expect_error("train --space darts --config " + file("i.toml", "[evaluation]\ntruth = \"\"\nlut = \"" + lut_ + "\"\n") + out(),
               "evaluation.lut");
  expect_error("train --config " + file("j.toml", "[evaluation]\nfinal_candidates = \"best\"\n") + out(),
               "evaluation.final_candidates must be \"uniform\" or \"truth\"");
  expect_error("train --config " + file("k.toml", "[evaluation]\ntruth = \"\"\nfinal_candidates = \"truth\"\n") + out(),
               "evaluation.final_candidates = \"truth\" draws the front candidates from evaluation.truth");
}

}  // namespace
