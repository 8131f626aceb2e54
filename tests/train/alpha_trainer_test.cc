#include "prpnas/train/alpha_trainer.h"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "prpnas/space/search_space.h"
#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

using space::Architecture;
using space::ChoiceMask;

// 2 decisions x 3 choices; only `format`/`parse` are stubs.
class TinySpace : public space::SearchSpace {
 public:
  std::string_view name() const override { return "tiny"; }
  int num_decisions() const override { return 2; }
  const std::vector<std::string>& choices(int) const override { return choices_; }
  std::string decision_name(int d) const override { return fmt::format("d{}", d); }
  std::string format(const Architecture&) const override { return ""; }
  Architecture parse(std::string_view) const override { return {}; }

 private:
  std::vector<std::string> choices_ = {"a", "b", "c"};
};

AlphaTrainerOptions tiny_options() {
  AlphaTrainerOptions o;
  o.samples = 4;
  o.top_n = 2;
  o.learning_rate = 0.05;
  o.hinge_weight = 1;
  return o;
}

void expect_config_error(AlphaTrainerOptions o, const std::string& field) {
  try {
    o.check();
    FAIL() << "no throw for " << field;
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(field), std::string::npos) << e.what();
  }
}

TEST(AlphaTrainerOptions, CheckNamesTheBadField) {
  EXPECT_NO_THROW(AlphaTrainerOptions{}.check());
  AlphaTrainerOptions o;
  o.top_n = 65;
  expect_config_error(o, "top_n");
  o = {};
  o.top_n = 0;
  expect_config_error(o, "top_n");
  o = {};
  o.samples = 0;
  expect_config_error(o, "samples");
  o = {};
  o.margin = -0.1;
  expect_config_error(o, "margin");
  o = {};
  o.hinge_weight = -1;
  expect_config_error(o, "hinge_weight");
  o = {};
  o.listnet_weight = std::numeric_limits<double>::quiet_NaN();
  expect_config_error(o, "listnet_weight");
  o = {};
  o.hinge_weight = o.listnet_weight = 0;
  expect_config_error(o, "both 0");
  o = {};
  o.learning_rate = 0;
  expect_config_error(o, "learning_rate");
  o = {};
  o.temperature = -1;
  expect_config_error(o, "temperature");
  TinySpace space;
  o = {};
  o.top_n = 100;
  EXPECT_THROW(AlphaTrainer(space, o), ConfigError);
}

TEST(AlphaTrainer, StartsAtZeroAndLearnsToScoreBetterRanksHigher) {
  TinySpace space;
  AlphaTrainer trainer(space, tiny_options());
  EXPECT_EQ(trainer.alpha().sizes(), (std::vector<int64_t>{2, 3}));
  EXPECT_TRUE(trainer.alpha().requires_grad());
  EXPECT_EQ(trainer.alpha_values(), (std::vector<std::vector<double>>{{0, 0, 0}, {0, 0, 0}}));
  const std::vector<Architecture> sampled = {{0, 1}, {1, 2}, {2, 0}, {1, 1}};
  const std::vector<int> ranks = {2, 1, 3, 1};
  const ChoiceMask alive = space.full_mask();
  const AlphaStepResult first = trainer.step(sampled, ranks, alive);
  EXPECT_EQ(first.step, 1);
  EXPECT_NEAR(first.total, first.hinge + first.listnet, 1e-12);
  EXPECT_EQ(first.true_counts, (ChoiceCounts{{0, 2, 0}, {0, 1, 1}}));
  AlphaStepResult last;
  for (int i = 0; i < 200; ++i) last = trainer.step(sampled, ranks, alive);
  EXPECT_EQ(trainer.steps(), 201);
  EXPECT_LT(last.total, first.total);
  EXPECT_EQ(last.hinge, 0.0);
  const std::vector<double> p = trainer.predicted_scores(sampled);
  // Rank 1 samples above rank 2 above rank 3.
  EXPECT_GT(std::min(p[1], p[3]), p[0]);
  EXPECT_GT(p[0], p[2]);
  const std::vector<std::vector<double>> a = trainer.alpha_values();
  EXPECT_DOUBLE_EQ(p[0], a[0][0] + a[1][1]);
}

TEST(AlphaTrainer, DeadChoicesKeepTheirAlphaAndRejectDeadSamples) {
  TinySpace space;
  AlphaTrainer trainer(space, tiny_options());
  const std::vector<Architecture> sampled = {{0, 1}, {1, 2}, {2, 0}, {1, 1}};
  const std::vector<int> ranks = {2, 1, 3, 1};
  ChoiceMask alive = space.full_mask();
  for (int i = 0; i < 10; ++i) trainer.step(sampled, ranks, alive);
  // Choice 2 of decision 0 dies with momentum in Adam: it must not move again.
  const double frozen = trainer.alpha_values()[0][2];
  EXPECT_NE(frozen, 0.0);
  alive[0][2] = false;
  const std::vector<Architecture> alive_sampled = {{0, 1}, {1, 2}, {0, 0}, {1, 1}};
  for (int i = 0; i < 10; ++i) trainer.step(alive_sampled, ranks, alive);
  EXPECT_EQ(trainer.alpha_values()[0][2], frozen);
  EXPECT_THROW(trainer.step(sampled, ranks, alive), Error);  // sample 2 uses the dead choice
}

TEST(AlphaTrainer, NanLossThrowsBeforeTheUpdateAndLeavesAlphaUnchanged) {
  TinySpace space;
  AlphaTrainer trainer(space, tiny_options());
  const std::vector<Architecture> sampled = {{0, 1}, {1, 2}, {2, 0}, {1, 1}};
  const std::vector<int> ranks = {2, 1, 3, 1};
  const ChoiceMask alive = space.full_mask();
  trainer.step(sampled, ranks, alive);
  {
    torch::NoGradGuard no_grad;
    trainer.alpha()[1][2] = std::numeric_limits<double>::quiet_NaN();
  }
  const std::vector<std::vector<double>> before = trainer.alpha_values();
  try {
    trainer.step(sampled, ranks, alive);
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("alpha loss became NaN at step 2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("lower alpha's learning rate"), std::string::npos) << e.what();
  }
  EXPECT_EQ(trainer.steps(), 1);
  const std::vector<std::vector<double>> after = trainer.alpha_values();
  for (std::size_t d = 0; d < before.size(); ++d) {
    for (std::size_t c = 0; c < before[d].size(); ++c) {
      if (std::isnan(before[d][c])) {
        EXPECT_TRUE(std::isnan(after[d][c]));
      } else {
        EXPECT_EQ(after[d][c], before[d][c]) << d << "," << c;
      }
    }
  }
}

TEST(AlphaTrainer, TrainsAGivenFloatAlphaInPlace) {
  // As a supernet would hand over its registered alpha parameter.
  torch::Tensor alpha = torch::zeros({2, 3});
  AlphaTrainer trainer(alpha, tiny_options());
  EXPECT_TRUE(alpha.requires_grad());
  trainer.step({{0, 1}, {1, 2}, {2, 0}, {1, 1}}, {2, 1, 3, 1}, {{true, true, true}, {true, true, true}});
  EXPECT_NE(alpha.abs().sum().item<double>(), 0.0);
  EXPECT_TRUE(alpha.is_same(trainer.alpha()));
  EXPECT_EQ(alpha.scalar_type(), torch::kFloat32);
  EXPECT_THROW(AlphaTrainer(torch::zeros({3}), tiny_options()), Error);
  EXPECT_THROW(AlphaTrainer(torch::zeros({2, 3}, torch::kInt64), tiny_options()), Error);
}

TEST(AlphaTrainer, RejectsMismatchedInputs) {
  TinySpace space;
  AlphaTrainer trainer(space, tiny_options());
  const ChoiceMask alive = space.full_mask();
  EXPECT_THROW(trainer.step({{0, 1}}, {1}, alive), Error);                        // fewer samples than top_n
  EXPECT_THROW(trainer.step({{0, 1}, {1, 2}}, {1, 2, 3}, alive), Error);          // one rank per sample
  EXPECT_THROW(trainer.step({{0, 1}, {1, 2, 0}}, {1, 2}, alive), Error);          // decisions
  EXPECT_THROW(trainer.step({{0, 1}, {1, 2}}, {1, 2}, {{true, true, true}}), Error);  // mask rows
  EXPECT_THROW(trainer.predicted_scores({{0, 3}}), Error);
  EXPECT_EQ(trainer.steps(), 0);
  EXPECT_NO_THROW(trainer.step({{0, 1}, {1, 2}}, {1, 2}, alive));  // S == top_n is enough
}

}  // namespace
}  // namespace prpnas::train
