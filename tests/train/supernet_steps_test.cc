#include "prpnas/nn/nb201/supernet.h"
#include "prpnas/train/supernet_steps.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <string>
#include <utility>

#include "prpnas/data/image_dataset.h"
#include "prpnas/nn/nb201/config.h"
#include "prpnas/nn/op_observer.h"
#include "prpnas/space/darts_space.h"
#include "prpnas/space/mbconv_space.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/train/methods/prp.h"
#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

using nn::Nb201Supernet;
using space::Architecture;
using space::ChoiceMask;
using space::Nb201Space;
using OpCount = std::map<std::pair<int, int>, int>;

// Tiny: every op exists, a step takes milliseconds.
nn::Nb201Config tiny_config() { return nn::Nb201Config{4, 1, 3, 8, 10}; }

Batch random_batch(int64_t size = 8) {
  return {torch::randn({size, 3, 8, 8}), torch::randint(0, 10, {size}, torch::kInt64)};
}

// 4 alive on edges 0-2, then 2, 1 and 3 alive.
ChoiceMask pruned_mask() {
  ChoiceMask mask = Nb201Space().full_mask();
  mask[0][Nb201Space::kNone] = mask[1][Nb201Space::kAvgPool3x3] = mask[2][Nb201Space::kConv1x1] = false;
  mask[3] = {false, true, false, true, false};
  mask[4] = {false, false, false, true, false};
  mask[5] = {true, false, true, false, true};
  return mask;
}

class OpCounter : public nn::OpObserver {
 public:
  void before_op(int d, int c, const torch::Tensor&) override { ++runs[{d, c}]; }
  OpCount runs;
};

std::map<std::string, torch::Tensor> snapshot(const torch::nn::Module& module) {
  std::map<std::string, torch::Tensor> out;
  for (const auto& p : module.named_parameters()) out[p.key()] = p.value().detach().clone();
  return out;
}

TEST(FairPaths, FullMaskUsesEveryChoiceOncePerDecision) {
  std::mt19937_64 rng(11);
  for (int step = 0; step < 20; ++step) {
    const std::vector<Architecture> paths = fair_paths(Nb201Space().full_mask(), rng);
    ASSERT_EQ(paths.size(), 5u);
    for (int d = 0; d < 6; ++d) {
      std::vector<int> seen(5, 0);
      for (const Architecture& p : paths) ++seen[p[d]];
      EXPECT_EQ(seen, std::vector<int>(5, 1)) << "decision " << d;
    }
  }
}

// DARTS: steps as wide as the 7 operations, not the 10 input pairs of node 5.
TEST(FairPaths, DartsTrainsEveryOperationOncePerStepAndDistinctInputPairs) {
  const space::DartsSpace s;
  std::mt19937_64 rng(12);
  std::vector<int> pair_uses(10, 0);
  for (int step = 0; step < 200; ++step) {
    const std::vector<Architecture> paths = valid_fair_paths(s, s.full_mask(), rng);
    ASSERT_EQ(paths.size(), 7u);
    for (int d = 0; d < s.num_decisions(); ++d) {
      const int n = static_cast<int>(s.choices(d).size());
      std::vector<int> seen(n, 0);
      for (const Architecture& p : paths) ++seen[p[d]];
      if (s.paces_fairness(d)) {
        EXPECT_EQ(seen, std::vector<int>(7, 1)) << s.decision_name(d);
      } else {
        // Fewer pairs than paths: each used floor(7/n) or ceil(7/n) times; more: 7 distinct.
        for (int c = 0; c < n; ++c) EXPECT_LE(seen[c], (7 + n - 1) / n) << s.decision_name(d);
        for (int c = 0; c < n; ++c) EXPECT_GE(seen[c], n > 7 ? 0 : 7 / n) << s.decision_name(d);
      }
      if (d == 9) {
        for (int c = 0; c < n; ++c) pair_uses[c] += seen[c];
      }
    }
  }
  // Over steps, node 5's ten pairs are drawn evenly: 140 uses each expected.
  for (int c = 0; c < 10; ++c) EXPECT_NEAR(pair_uses[c], 140, 40) << c;
}

// ProxylessNAS is ragged: 7 paths, so every choice of a 7-choice layer once;
// a stage's first layer (6 choices, no skip) uses each once and one twice.
TEST(FairPaths, ProxylessTrainsEveryChoiceOnceAndTheStageFirstLayersOneTwice) {
  const space::MbConvSpace s("proxyless", space::proxyless_family());
  std::mt19937_64 rng(13);
  std::vector<int> twice(6, 0);  // on layer 0, over steps
  for (int step = 0; step < 300; ++step) {
    const std::vector<Architecture> paths = valid_fair_paths(s, s.full_mask(), rng);
    ASSERT_EQ(paths.size(), 7u);
    for (int d = 0; d < s.num_decisions(); ++d) {
      std::vector<int> seen(s.choices(d).size(), 0);
      for (const Architecture& p : paths) ++seen[p[d]];
      if (!s.is_stage_first(d)) {
        EXPECT_EQ(seen, std::vector<int>(7, 1)) << s.decision_name(d);
        continue;
      }
      ASSERT_EQ(seen.size(), 6u) << s.decision_name(d);
      EXPECT_EQ(*std::min_element(seen.begin(), seen.end()), 1) << s.decision_name(d);
      EXPECT_EQ(std::count(seen.begin(), seen.end(), 2), 1) << s.decision_name(d);
      if (d == 0) ++twice[std::max_element(seen.begin(), seen.end()) - seen.begin()];
    }
  }
  // Which choice runs twice is uniform over steps: 50 expected each.
  for (int c = 0; c < 6; ++c) EXPECT_NEAR(twice[c], 50, 25) << c;
}

// OFA: 10 paths; the third and fourth layers of a stage (10 choices, skip
// among them) use each once, the first two (9) each once and one twice.
TEST(FairPaths, OfaTrainsEveryChoiceOnceAndTheUnskippableLayersOneTwice) {
  const space::MbConvSpace s("ofa", space::ofa_family());
  std::mt19937_64 rng(17);
  for (int step = 0; step < 100; ++step) {
    const std::vector<Architecture> paths = valid_fair_paths(s, s.full_mask(), rng);
    ASSERT_EQ(paths.size(), 10u);
    for (int d = 0; d < s.num_decisions(); ++d) {
      std::vector<int> seen(s.choices(d).size(), 0);
      for (const Architecture& p : paths) ++seen[p[d]];
      if (seen.size() == 10u) {
        EXPECT_EQ(seen, std::vector<int>(10, 1)) << s.decision_name(d);
        continue;
      }
      ASSERT_EQ(seen.size(), 9u) << s.decision_name(d);
      EXPECT_EQ(*std::min_element(seen.begin(), seen.end()), 1) << s.decision_name(d);
      EXPECT_EQ(std::count(seen.begin(), seen.end(), 2), 1) << s.decision_name(d);
    }
  }
}

TEST(FairPaths, SameOnEveryStandardLibrary) {
  // mt19937_64 is fully specified and the shuffle is ours: these paths are
  // what seed 42 gives anywhere.
  std::mt19937_64 rng(42);
  const std::vector<Architecture> paths = fair_paths(Nb201Space().full_mask(), rng);
  const std::vector<Architecture> expected = {
      {2, 2, 2, 1, 0, 3}, {3, 3, 4, 3, 4, 1}, {4, 4, 3, 0, 1, 0}, {0, 0, 1, 4, 2, 2}, {1, 1, 0, 2, 3, 4}};
  EXPECT_EQ(paths, expected);
  std::mt19937_64 rng2(42);
  EXPECT_EQ(space::sample_alive(Nb201Space(), Nb201Space().full_mask(), rng2), (Architecture{1, 4, 0, 2, 1, 3}));
}

TEST(FairPaths, DecisionsWithFewerAliveChoicesCycle) {
  std::mt19937_64 rng(5);
  const ChoiceMask mask = pruned_mask();
  const std::vector<Architecture> paths = fair_paths(mask, rng);
  ASSERT_EQ(paths.size(), 4u);
  for (int d = 0; d < 6; ++d) {
    for (const Architecture& p : paths) EXPECT_TRUE(mask[d][p[d]]) << "decision " << d;
  }
  // Edge 3 (2 alive) repeats its permutation: paths 0,1 then 0,1 again.
  EXPECT_EQ(paths[0][3], paths[2][3]);
  EXPECT_EQ(paths[1][3], paths[3][3]);
  EXPECT_NE(paths[0][3], paths[1][3]);
  for (const Architecture& p : paths) EXPECT_EQ(p[4], Nb201Space::kConv3x3);
  ChoiceMask emptied = mask;
  emptied[2].assign(5, false);
  EXPECT_THROW(fair_paths(emptied, rng), Error);
  EXPECT_THROW(space::sample_alive(Nb201Space(), emptied, rng), Error);
}

TEST(SamplePath, UniformOverAliveChoices) {
  std::mt19937_64 rng(9);
  const ChoiceMask mask = pruned_mask();
  OpCount counts;
  const int n = 6000;
  for (int i = 0; i < n; ++i) {
    const Architecture p = space::sample_alive(Nb201Space(), mask, rng);
    for (int d = 0; d < 6; ++d) ++counts[{d, p[d]}];
  }
  for (int d = 0; d < 6; ++d) {
    int alive = 0;
    for (bool a : mask[d]) alive += a;
    for (int c = 0; c < 5; ++c) {
      if (!mask[d][c]) {
        EXPECT_EQ((counts[{d, c}]), 0);
      } else {
        EXPECT_NEAR((counts[{d, c}]) / double(n), 1.0 / alive, 0.03) << d << " " << c;
      }
    }
  }
}

TEST(FairnessStep, EveryChoiceTrainedExactlyOncePerStep) {
  torch::manual_seed(1);
  Nb201Supernet supernet(tiny_config());
  OpCounter counter;
  supernet->set_observer(&counter);
  torch::optim::SGD optimizer = make_weight_optimizer(*supernet, {0.01, 0.9, 5e-4});
  std::mt19937_64 rng(3);
  const int steps = 6;
  OpCount trained;
  for (int t = 0; t < steps; ++t) {
    const StepResult r = fairness_step(*supernet, optimizer, random_batch(), Nb201Space().full_mask(), rng);
    ASSERT_EQ(r.paths.size(), 5u);
    ASSERT_EQ(r.losses.size(), 5u);
    for (double loss : r.losses) EXPECT_TRUE(std::isfinite(loss));
    for (const Architecture& p : r.paths) {
      for (int d = 0; d < 6; ++d) ++trained[{d, p[d]}];
    }
  }
  const int cells = supernet->num_cells();
  for (int d = 0; d < 6; ++d) {
    for (int c = 0; c < 5; ++c) {
      EXPECT_EQ((trained[{d, c}]), steps) << d << " " << c;
      EXPECT_EQ((counter.runs[{d, c}]), steps * cells) << d << " " << c;  // the forwards really ran
    }
  }
}

TEST(FairnessStep, PrunedMaskTrainsAliveChoicesOnlyAndEquallyOnFullestDecisions) {
  torch::manual_seed(2);
  Nb201Supernet supernet(tiny_config());
  OpCounter counter;
  supernet->set_observer(&counter);
  // Momentum and weight decay would move a weight with a zero gradient.
  torch::optim::SGD optimizer = make_weight_optimizer(*supernet, {0.05, 0.9, 5e-4});
  const ChoiceMask mask = pruned_mask();
  const auto before = snapshot(*supernet);
  std::mt19937_64 rng(4);
  const int steps = 5;
  OpCount trained;
  for (int t = 0; t < steps; ++t) {
    for (const Architecture& p : fairness_step(*supernet, optimizer, random_batch(), mask, rng).paths) {
      for (int d = 0; d < 6; ++d) ++trained[{d, p[d]}];
    }
  }
  for (int d = 0; d < 6; ++d) {
    int total = 0;
    for (int c = 0; c < 5; ++c) {
      total += trained[{d, c}];
      if (!mask[d][c]) {
        EXPECT_EQ((trained[{d, c}]), 0);
        EXPECT_EQ((counter.runs[{d, c}]), 0);
      } else if (d <= 2) {
        EXPECT_EQ((trained[{d, c}]), steps) << d << " " << c;  // 4 alive = the most
      }
    }
    EXPECT_EQ(total, 4 * steps);  // m = 4 paths per step
  }
  EXPECT_EQ((trained[{3, Nb201Space::kSkipConnect}]), 2 * steps);
  EXPECT_EQ((trained[{4, Nb201Space::kConv3x3}]), 4 * steps);
  // Dead ops keep their weights bit for bit; alive convolutions moved.
  const auto after = snapshot(*supernet);
  for (int i = 0; i < supernet->num_cells(); ++i) {
    const std::string prefix = "cells." + std::to_string(i) + ".";
    EXPECT_TRUE(torch::equal(after.at(prefix + "edge2.nor_conv_1x1.conv.weight"),
                             before.at(prefix + "edge2.nor_conv_1x1.conv.weight")));
    EXPECT_TRUE(torch::equal(after.at(prefix + "edge3.nor_conv_1x1.bn.weight"),
                             before.at(prefix + "edge3.nor_conv_1x1.bn.weight")));
    EXPECT_FALSE(torch::equal(after.at(prefix + "edge4.nor_conv_3x3.conv.weight"),
                              before.at(prefix + "edge4.nor_conv_3x3.conv.weight")));
  }
}

TEST(FairnessStep, OneOptimizerStepPerFairnessStep) {
  torch::manual_seed(3);
  Nb201Supernet supernet(tiny_config());
  torch::optim::Adam optimizer(supernet->weights(), torch::optim::AdamOptions(1e-3));
  std::mt19937_64 rng(5);
  for (int t = 0; t < 3; ++t) fairness_step(*supernet, optimizer, random_batch(), Nb201Space().full_mask(), rng);
  // With every op alive, every weight had a gradient in every step.
  EXPECT_EQ(optimizer.state().size(), supernet->weights().size());
  for (const auto& [key, state] : optimizer.state()) {
    EXPECT_EQ(static_cast<torch::optim::AdamParamState&>(*state).step(), 3);
  }
}

TEST(FairnessStep, UpdateIsTheSumOfThePathGradients) {
  torch::manual_seed(4);
  Nb201Supernet supernet(tiny_config());
  const Batch batch = random_batch();
  const double lr = 0.1;
  torch::optim::SGD optimizer(supernet->weights(), torch::optim::SGDOptions(lr));  // plain: w -= lr * g
  std::mt19937_64 rng(6), same_rng(6);
  const std::vector<Architecture> paths = fair_paths(Nb201Space().full_mask(), same_rng);

  // By hand: each path's gradient on its own, summed. Train-mode outputs
  // use batch statistics, so the running statistics these passes move do
  // not change the gradients.
  supernet->train();
  const auto names = supernet->named_parameters();
  std::map<std::string, torch::Tensor> summed;
  for (const Architecture& p : paths) {
    for (auto& w : supernet->weights()) w.mutable_grad() = torch::Tensor();
    torch::nn::functional::cross_entropy(supernet->forward(batch.images, p), batch.labels).backward();
    for (const auto& w : names) {
      if (w.key() == "alpha" || !w.value().grad().defined()) continue;
      auto& s = summed[w.key()];
      s = s.defined() ? s + w.value().grad() : w.value().grad().clone();
    }
  }
  const auto before = snapshot(*supernet);
  const StepResult r = fairness_step(*supernet, optimizer, batch, Nb201Space().full_mask(), rng);
  EXPECT_EQ(r.paths, paths);
  int compared = 0;
  for (const auto& w : supernet->named_parameters()) {
    if (w.key() == "alpha") continue;
    ASSERT_TRUE(summed.count(w.key())) << w.key();
    const torch::Tensor expected = before.at(w.key()) - lr * summed.at(w.key());
    EXPECT_TRUE(torch::allclose(w.value(), expected, 1e-5, 1e-6)) << w.key();
    ++compared;
  }
  EXPECT_EQ(compared, static_cast<int>(supernet->weights().size()));
}

TEST(SupernetSteps, AlphaIsNeverTouched) {
  torch::manual_seed(5);
  Nb201Supernet supernet(tiny_config());
  {
    torch::NoGradGuard no_grad;
    supernet->alpha().copy_(torch::randn({6, 5}));
  }
  const torch::Tensor alpha = supernet->alpha().detach().clone();
  torch::optim::SGD optimizer = make_weight_optimizer(*supernet);
  std::mt19937_64 rng(7);
  fairness_step(*supernet, optimizer, random_batch(), Nb201Space().full_mask(), rng);
  single_path_step(*supernet, optimizer, random_batch(), space::sample_alive(Nb201Space(), Nb201Space().full_mask(), rng));
  EXPECT_TRUE(torch::equal(supernet->alpha(), alpha));
  EXPECT_FALSE(supernet->alpha().grad().defined());
  // An optimizer over every parameter would decay alpha: refused.
  torch::optim::SGD all(supernet->parameters(), torch::optim::SGDOptions(0.1).weight_decay(0.1));
  try {
    single_path_step(*supernet, all, random_batch(), Architecture(6, 3));
    FAIL() << "expected an error about alpha";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("alpha"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(torch::equal(supernet->alpha(), alpha));
}

TEST(SinglePathStep, TrainsOnlyThePath) {
  torch::manual_seed(6);
  Nb201Supernet supernet(tiny_config());
  torch::optim::SGD optimizer = make_weight_optimizer(*supernet);
  const Architecture path = Nb201Space().parse(
      "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|");
  const auto before = snapshot(*supernet);
  const StepResult r = single_path_step(*supernet, optimizer, random_batch(), path);
  EXPECT_EQ(r.paths, std::vector<Architecture>{path});
  ASSERT_EQ(r.losses.size(), 1u);
  EXPECT_EQ(r.mean_loss(), r.losses[0]);
  const auto after = snapshot(*supernet);
  EXPECT_FALSE(torch::equal(after.at("cells.0.edge0.nor_conv_3x3.conv.weight"),
                            before.at("cells.0.edge0.nor_conv_3x3.conv.weight")));
  EXPECT_FALSE(torch::equal(after.at("stem.0.weight"), before.at("stem.0.weight")));
  EXPECT_TRUE(torch::equal(after.at("cells.0.edge0.nor_conv_1x1.conv.weight"),
                           before.at("cells.0.edge0.nor_conv_1x1.conv.weight")));
  EXPECT_TRUE(torch::equal(after.at("cells.0.edge5.nor_conv_1x1.conv.weight"),
                           before.at("cells.0.edge5.nor_conv_1x1.conv.weight")));
}

TEST(SupernetSteps, NanInputIsAnErrorAndLeavesTheWeights) {
  torch::manual_seed(7);
  Nb201Supernet supernet(tiny_config());
  torch::optim::SGD optimizer = make_weight_optimizer(*supernet);
  Batch batch = random_batch();
  batch.images[2][0][3][3] = std::numeric_limits<float>::quiet_NaN();
  const auto before = snapshot(*supernet);
  std::mt19937_64 rng(8);
  try {
    fairness_step(*supernet, optimizer, batch, Nb201Space().full_mask(), rng);
    FAIL() << "expected a NaN loss error";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("fairness step"), std::string::npos) << what;
    EXPECT_NE(what.find("nan"), std::string::npos) << what;
    EXPECT_NE(what.find("not updated"), std::string::npos) << what;
  }
  EXPECT_THROW(single_path_step(*supernet, optimizer, batch, Architecture(6, 3)), Error);
  for (const auto& [name, value] : snapshot(*supernet)) EXPECT_TRUE(torch::equal(value, before.at(name))) << name;
}

TEST(SupernetSteps, HugeLearningRateIsAnError) {
  torch::manual_seed(8);
  Nb201Supernet supernet(tiny_config());
  torch::optim::SGD optimizer = make_weight_optimizer(*supernet, {1e12, 0.9, 5e-4});
  std::mt19937_64 rng(9);
  try {
    for (int t = 0; t < 20; ++t) fairness_step(*supernet, optimizer, random_batch(), Nb201Space().full_mask(), rng);
    FAIL() << "expected the loss to diverge";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("lower the learning rate"), std::string::npos) << e.what();
  }
}

TEST(MixedStep, UnionMaskMarksExactlyTheChoicesOfThePaths) {
  const Architecture a = Nb201Space().parse("|none~0|+|skip_connect~0|none~1|+|none~0|none~1|none~2|");
  const Architecture b = Nb201Space().parse("|none~0|+|avg_pool_3x3~0|none~1|+|none~0|none~1|nor_conv_3x3~2|");
  const ChoiceMask used = union_mask(Nb201Space(), {a, b});
  for (int d = 0; d < 6; ++d) {
    for (int c = 0; c < 5; ++c) EXPECT_EQ(used[d][c], c == a[d] || c == b[d]) << d << " " << c;
  }
}

TEST(MixedStep, CoupledWeightsAreTheSoftmaxOfAlphaOverTheUsedChoices) {
  torch::manual_seed(21);
  const torch::Tensor alpha = torch::randn({6, 5}, torch::requires_grad());
  std::mt19937_64 rng(22);
  const std::vector<Architecture> paths = {space::sample_alive(Nb201Space(), Nb201Space().full_mask(), rng),
                                           space::sample_alive(Nb201Space(), Nb201Space().full_mask(), rng)};
  const ChoiceMask used = union_mask(Nb201Space(), paths);
  const torch::Tensor w = coupled_weights(alpha, used);
  EXPECT_FALSE(w.requires_grad());
  for (int d = 0; d < 6; ++d) {
    double z = 0;
    for (int c = 0; c < 5; ++c) z += used[d][c] ? std::exp(alpha[d][c].item<double>()) : 0;
    for (int c = 0; c < 5; ++c) {
      const double expected = used[d][c] ? std::exp(alpha[d][c].item<double>()) / z : 0;
      EXPECT_NEAR(w[d][c].item<double>(), expected, 1e-6) << d << " " << c;
    }
  }
}

TEST(MixedStep, OfOnePathTwiceIsTheSinglePathStepAndItNeverTouchesAlpha) {
  const Architecture path = Nb201Space().parse(
      "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|");
  torch::manual_seed(23);
  Nb201Supernet single(tiny_config());
  torch::manual_seed(23);
  Nb201Supernet mixed(tiny_config());
  {
    torch::NoGradGuard no_grad;
    mixed->alpha().copy_(torch::randn({6, 5}));
  }
  const torch::Tensor alpha = mixed->alpha().detach().clone();
  torch::optim::SGD single_sgd = make_weight_optimizer(*single), mixed_sgd = make_weight_optimizer(*mixed);
  torch::manual_seed(24);
  const Batch batch = random_batch();
  const StepResult a = single_path_step(*single, single_sgd, batch, path);
  const torch::Tensor w = coupled_weights(mixed->alpha(), union_mask(Nb201Space(), {path, path}));
  const StepResult b = mixed_step(*mixed, mixed_sgd, batch, {path, path}, w);
  EXPECT_EQ(b.paths.size(), 2u);
  ASSERT_EQ(b.losses.size(), 1u);
  EXPECT_EQ(a.losses[0], b.losses[0]);
  const auto after_single = snapshot(*single), after_mixed = snapshot(*mixed);
  for (const auto& [name, value] : after_single) {
    if (name == "alpha") continue;
    EXPECT_TRUE(torch::equal(value, after_mixed.at(name))) << name;
  }
  EXPECT_TRUE(torch::equal(mixed->alpha(), alpha));
  EXPECT_FALSE(mixed->alpha().grad().defined());
}

TEST(MixedStep, TrainsTheUnionOfThePathsOnly) {
  torch::manual_seed(25);
  Nb201Supernet supernet(tiny_config());
  torch::optim::SGD optimizer = make_weight_optimizer(*supernet);
  const Architecture a = Nb201Space().parse(
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");
  const Architecture b = Nb201Space().parse(
      "|avg_pool_3x3~0|+|avg_pool_3x3~0|avg_pool_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|");
  const auto before = snapshot(*supernet);
  mixed_step(*supernet, optimizer, random_batch(), {a, b},
             coupled_weights(supernet->alpha(), union_mask(Nb201Space(), {a, b})));
  const auto after = snapshot(*supernet);
  int moved = 0, kept = 0;
  for (const auto& [name, value] : before) {
    if (name.find(".nor_conv_3x3.") != std::string::npos) moved += !torch::equal(after.at(name), value);
    if (name.find(".nor_conv_1x1.") != std::string::npos) {
      EXPECT_TRUE(torch::equal(after.at(name), value)) << name << " is on neither path";
      ++kept;
    }
  }
  EXPECT_GT(moved, 0);
  EXPECT_GT(kept, 0);
}

// Real data: 256 Fashion-MNIST images, the default preset. A SPOS step trains
// one path, a fairness step five: SPOS gets more, smaller steps.
class SupernetTraining : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data::DatasetOptions options;
    options.train_limit = 256;
    options.valid_limit = 100;
    options.test_limit = 100;
    data_ = new data::DatasetSplits(data::load_dataset(options));
  }
  static void TearDownTestSuite() { delete data_; }
  static nn::Nb201Config config() {
    return nn::nb201_preset("default", data_->channels, data_->height, data_->num_classes);
  }
  // Mean loss over the first and over the last epoch of `epochs`.
  template <class Step>
  static std::pair<double, double> first_and_last_epoch(int epochs, Step step, int64_t batch_size = 32) {
    BatchStream batches(*data_, batch_size, 1);
    const int64_t per_epoch = batches.batches_per_epoch();
    std::vector<double> losses;
    for (int64_t i = 0; i < per_epoch * epochs; ++i) losses.push_back(step(batches.next()));
    double first = 0, last = 0;
    for (int64_t i = 0; i < per_epoch; ++i) {
      first += losses[i] / per_epoch;
      last += losses[losses.size() - per_epoch + i] / per_epoch;
    }
    return {first, last};
  }
  static data::DatasetSplits* data_;
};
data::DatasetSplits* SupernetTraining::data_ = nullptr;

TEST_F(SupernetTraining, FairnessStepsReduceTheLoss) {
  torch::manual_seed(10);
  Nb201Supernet supernet(config());
  torch::optim::SGD optimizer = make_weight_optimizer(*supernet, {0.1, 0.9, 5e-4});
  std::mt19937_64 rng(11);
  const auto [first, last] = first_and_last_epoch(3, [&](const Batch& b) {
    return fairness_step(*supernet, optimizer, b, Nb201Space().full_mask(), rng).mean_loss();
  });
  std::printf("fairness steps: mean loss %.3f in the first epoch, %.3f in the third\n", first, last);
  EXPECT_LT(last, first - 0.3);
}

TEST_F(SupernetTraining, SposStepsReduceTheLoss) {
  torch::manual_seed(12);
  Nb201Supernet supernet(config());
  torch::optim::SGD optimizer = make_weight_optimizer(*supernet, {0.05, 0.9, 5e-4});
  std::mt19937_64 rng(13);
  const auto [first, last] = first_and_last_epoch(8, [&](const Batch& b) {
    return single_path_step(*supernet, optimizer, b, space::sample_alive(Nb201Space(), Nb201Space().full_mask(), rng)).mean_loss();
  }, /*batch_size=*/16);
  std::printf("SPOS steps: mean loss %.3f in the first epoch, %.3f in the eighth\n", first, last);
  EXPECT_LT(last, first - 0.2);
}

TEST_F(SupernetTraining, MixedStepsOfTwoPathsReduceTheLoss) {
  torch::manual_seed(14);
  Nb201Supernet supernet(config());
  torch::optim::SGD optimizer = make_weight_optimizer(*supernet, {0.05, 0.9, 5e-4});
  std::mt19937_64 rng(15);
  const auto [first, last] = first_and_last_epoch(4, [&](const Batch& b) {
    std::vector<Architecture> paths = {space::sample_alive(Nb201Space(), Nb201Space().full_mask(), rng),
                                       space::sample_alive(Nb201Space(), Nb201Space().full_mask(), rng)};
    const torch::Tensor w = coupled_weights(supernet->alpha(), union_mask(Nb201Space(), paths));
    return mixed_step(*supernet, optimizer, b, std::move(paths), w).mean_loss();
  }, /*batch_size=*/16);
  std::printf("mixed steps: mean loss %.3f in the first epoch, %.3f in the fourth\n", first, last);
  EXPECT_LT(last, first - 0.2);
}

}  // namespace
}  // namespace prpnas::train
