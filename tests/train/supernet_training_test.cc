// Small whole runs of run_supernet_training on the synthetic dataset, with a
// known additive "accuracy" table as ground truth and rank source, so what
// alpha and pruning should learn is known.
#include "prpnas/train/supernet_training.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <fstream>
#include <set>

#include "prpnas/nn/nb201/config.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

// Per choice (none, skip, conv1x1, conv3x3, avg_pool): accuracy gain and
// latency, the same on every edge but scaled per edge so edges differ.
// `none` is both worse and slower than `skip` here, so no architecture of
// the true front uses it.
constexpr double kGain[5] = {-8, 1, 3, 5, 0};
constexpr double kLatency[5] = {0.05, 0.02, 0.3, 1.0, 0.15};

class SupernetTrainingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data::DatasetOptions options;
    options.spec = "synthetic";
    options.valid_size = 1000;
    options.train_limit = 2000;
    options.valid_limit = 300;
    data_ = new data::DatasetSplits(data::load_dataset(options));
  }
  static void TearDownTestSuite() { delete data_; }

  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("prpnas_supernet_training_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
            "_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    inputs_.network = {"nb201", "default", 1, 16, 10};
    inputs_.costs = {{"latency_ms", {}}};
    latency().fixed = 0.5;
    for (int d = 0; d < 6; ++d) {
      latency().choice.emplace_back();
      for (int c = 0; c < 5; ++c) latency().choice[d].push_back(kLatency[c] * (1 + 0.2 * d));
    }
    // 150 distinct architectures drawn uniformly.
    std::mt19937_64 rng(11);
    std::set<space::Architecture> seen;
    while (inputs_.truth.archs.size() < 150) {
      const space::Architecture arch = space::sample_uniform(space_, rng);
      if (!seen.insert(arch).second) continue;
      double accuracy = 50;
      for (int d = 0; d < 6; ++d) accuracy += kGain[arch[d]] * (1 + 0.1 * d);
      inputs_.truth.archs.push_back(arch);
      inputs_.truth.accuracy.push_back(accuracy);
    }
    options_.batch_size = 32;
    options_.budget_images = 32 * 5 * 10 + 32 * 300;  // 10 fairness steps, 300 Step 2 iterations
    options_.fairness_share = 1600.0 / options_.budget_images;
    options_.alpha.samples = 64;
    options_.alpha.top_n = 4;
    options_.alpha.learning_rate = 0.1;
    options_.evaluation.recalibration_batches = 1;
    options_.evaluation.batch_size = 100;
    options_.evaluation.valid_images = 100;
    options_.final_sample = 16;
    options_.front.max_candidates = 16;
    options_.checkpoint_every = 40;
    options_.prune_every = 10;
    options_.prune_worst_fraction = 0.5;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  space::CostTable& latency() { return inputs_.costs[0].table; }

  std::string path(const char* name) const { return (dir_ / name).string(); }

  // Pareto ranks of the truth set on (accuracy, latency).
  std::vector<int> truth_ranks() const {
    pareto::Points points;
    for (std::size_t i = 0; i < inputs_.truth.archs.size(); ++i) {
      points.push_back({-inputs_.truth.accuracy[i], inputs_.costs[0].table.cost(inputs_.truth.archs[i])});
    }
    return pareto::pareto_ranks(points);
  }

  static data::DatasetSplits* data_;
  space::Nb201Space space_;
  TrainingInputs inputs_;
  TrainingOptions options_;
  std::filesystem::path dir_;
};

data::DatasetSplits* SupernetTrainingTest::data_ = nullptr;

TEST_F(SupernetTrainingTest, TabularRanksTeachAlphaTheParetoOrder) {
  options_.method = Method::kPrpNoPruning;
  inputs_.rank_table = inputs_.truth;
  const TrainingSummary summary = run_supernet_training(*data_, inputs_, options_, dir_.string(), nullptr);

  EXPECT_EQ(summary.steps.fairness_steps, 10);
  EXPECT_EQ(summary.steps.single_path_steps, 300);
  EXPECT_EQ(summary.alpha_steps, 300);
  EXPECT_LE(summary.path_images, options_.budget_images);
  // Alpha ranks the 150 architectures close to their true Pareto ranks.
  EXPECT_GT(summary.last.kendall_alpha, 0.6);

  const CsvTable log = read_csv(path("log.csv"));
  ASSERT_EQ(log.rows.size(), 310u);
  EXPECT_EQ(log.rows[9][log.column("phase")], "fairness");
  EXPECT_EQ(log.rows[10][log.column("phase")], "pareto-rank");
  EXPECT_FALSE(log.rows[9][log.column("kendall_supernet")].empty());  // Step 1's end is judged
  EXPECT_TRUE(log.rows[9][log.column("kendall_alpha")].empty());      // alpha still constant there
  EXPECT_TRUE(log.rows[50][log.column("kendall_supernet")].empty());
  EXPECT_FALSE(log.rows[309][log.column("hypervolume")].empty());
  for (const auto& row : log.rows) EXPECT_EQ(row[log.column("alive")], "30");  // no pruning

  // `skip` beats `none` on both objectives: alpha must prefer it on every edge.
  const CsvTable alpha = read_csv(path("alpha.csv"));
  ASSERT_EQ(alpha.rows.size(), 30u);
  const std::vector<double> values = alpha.numbers("alpha");
  for (int d = 0; d < 6; ++d) EXPECT_GT(values[d * 5 + 1], values[d * 5 + 0]) << "edge " << d;

  // front.csv is a non-dominated set of its own estimates.
  const CsvTable front = read_csv(path("front.csv"));
  ASSERT_GE(front.rows.size(), 1u);
  pareto::Points points;
  const auto accuracy = front.numbers("accuracy"), latency = front.numbers("latency_ms");
  for (std::size_t i = 0; i < accuracy.size(); ++i) points.push_back({-accuracy[i], latency[i]});
  for (int rank : pareto::pareto_ranks(points)) EXPECT_EQ(rank, 1);
}

TEST_F(SupernetTrainingTest, PruningDropsOnlyWhatTheWorstUseAndNeverTheTrueFront) {
  options_.method = Method::kPrp;
  // `none` made the slowest choice too: an architecture that holds it is
  // dominated by its twin with `skip`, and sinks to the worst ranks.
  for (auto& row : latency().choice) row[0] = 2 * row[3];
  const std::vector<int> ranks = truth_ranks();
  inputs_.rank_table = inputs_.truth;
  inputs_.truth = {};  // no Kendall columns: this test needs no shared-weight evaluation
  const TrainingSummary summary = run_supernet_training(*data_, inputs_, options_, dir_.string(), nullptr);
  const CsvTable mask = read_csv(path("mask.csv"));
  std::set<std::pair<int, int>> pruned;
  std::vector<int> alive_per_decision(6, 0);
  for (std::size_t i = 0; i < mask.rows.size(); ++i) {
    if (mask.rows[i][mask.column("alive")] == "1") {
      ++alive_per_decision[i / 5];
      EXPECT_TRUE(mask.rows[i][mask.column("pruned_at_step")].empty());
    } else {
      pruned.insert({static_cast<int>(i / 5), static_cast<int>(i % 5)});
      EXPECT_EQ(mask.rows[i][mask.column("choice")], "none") << "only `none` is bad enough to go";
      EXPECT_GT(std::stoi(mask.rows[i][mask.column("pruned_at_step")]), 10);  // only in Step 2
    }
  }
  EXPECT_GE(pruned.size(), 1u) << "`none` is the worst choice on both objectives; some should go";
  for (int n : alive_per_decision) EXPECT_GE(n, 1);
  EXPECT_EQ(summary.alive_choices, 30 - static_cast<int>(pruned.size()));
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    if (ranks[i] != 1) continue;
    for (int d = 0; d < 6; ++d) {
      EXPECT_FALSE(pruned.count({d, inputs_.rank_table.archs[i][d]})) << "pruned a choice of the true front";
    }
  }
}

TEST_F(SupernetTrainingTest, ANanLossStopsTheRunAndLeavesACheckpointFromBeforeIt) {
  options_.method = Method::kSpos;
  options_.sgd.learning_rate = 1e12;
  options_.checkpoint_every = 1;
  std::string first;
  try {
    run_supernet_training(*data_, inputs_, options_, dir_.string(), nullptr);
    FAIL() << "a learning rate of 1e12 trained";
  } catch (const Error& e) {
    first = e.what();
  }
  EXPECT_NE(first.find("became"), std::string::npos) << first;
  EXPECT_NE(first.find("before it"), std::string::npos) << first;
  ASSERT_TRUE(std::filesystem::exists(path("checkpoint")));
  // The same command resumes from that checkpoint and fails at the same step.
  try {
    run_supernet_training(*data_, inputs_, options_, dir_.string(), nullptr);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), first);
  }
}

TEST_F(SupernetTrainingTest, TruthCandidatesAreTheTruthsFirstValidCells) {
  options_.method = Method::kSpos;
  options_.budget_images = 32 * 20;
  options_.final_candidates = "truth";
  // Two degenerate cells first: they are skipped, not counted.
  const space::Architecture degenerate = space_.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");
  inputs_.truth.archs.insert(inputs_.truth.archs.begin(), {degenerate, degenerate});
  inputs_.truth.accuracy.insert(inputs_.truth.accuracy.begin(), {10.0, 10.0});
  const TrainingSummary summary = run_supernet_training(*data_, inputs_, options_, dir_.string(), nullptr);

  EXPECT_EQ(summary.uniform_front.candidates, options_.final_sample);
  const std::set<space::Architecture> first(inputs_.truth.archs.begin() + 2,
                                            inputs_.truth.archs.begin() + 2 + options_.final_sample);
  const CsvTable front = read_csv(path("uniform_front.csv"));
  ASSERT_GE(front.rows.size(), 1u);
  for (const auto& row : front.rows) {
    EXPECT_TRUE(first.count(space_.parse(row[front.column("arch")]))) << row[front.column("arch")];
    EXPECT_FALSE(row[front.column("true_accuracy")].empty());  // every member is known
  }
}

TEST_F(SupernetTrainingTest, ACorruptCheckpointIsADataError) {
  std::filesystem::create_directories(dir_);
  std::ofstream(path("checkpoint")) << "not a checkpoint";
  EXPECT_THROW(run_supernet_training(*data_, inputs_, options_, dir_.string(), nullptr), DataError);
}

}  // namespace
}  // namespace prpnas::train
