#include "prpnas/nn/darts/supernet.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "prpnas/nn/darts/network.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/space/darts_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {
namespace {

using space::Architecture;
using space::ChoiceMask;
using space::DartsSpace;

// Small, with normal cells before, between and after the two reductions.
DartsConfig darts_small_config() { return DartsConfig{4, 5, 3, 16, 10, 3}; }

torch::Tensor darts_images() { return torch::randn({4, 3, 16, 16}); }

void darts_warm_up(DartsSupernet& supernet) {
  supernet->train();
  torch::NoGradGuard no_grad;
  for (int i = 0; i < 2; ++i) supernet->forward(darts_images() * 2 + 0.5, DartsSpace().full_mask());
  supernet->eval();
}

std::vector<Architecture> darts_test_archs(int count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Architecture> archs;
  for (int i = 0; i < count; ++i) archs.push_back(space::sample_uniform(DartsSpace(), rng));
  return archs;
}

ChoiceMask darts_one_hot_mask(const Architecture& arch) { return space::path_mask(DartsSpace(), arch); }

torch::Tensor darts_one_hot_weights(const Architecture& arch) {
  torch::Tensor w = torch::zeros({24, 10});
  for (std::size_t d = 0; d < arch.size(); ++d) w[static_cast<int64_t>(d)][arch[d]] = 1;
  return w;
}

TEST(DartsSupernet, AlphaAndOutputShapes) {
  DartsSupernet supernet(darts_small_config());
  EXPECT_EQ(supernet->alpha().sizes().vec(), (std::vector<int64_t>{24, 10}));
  EXPECT_TRUE(torch::equal(supernet->alpha(), torch::zeros({24, 10})));
  EXPECT_EQ(supernet->weights().size() + 1, supernet->parameters().size());
  const torch::Tensor x = darts_images();
  EXPECT_EQ(supernet->forward(x, darts_test_archs(1, 1)[0]).sizes().vec(), (std::vector<int64_t>{4, 10}));
  EXPECT_EQ(supernet->forward(x, DartsSpace().full_mask()).sizes().vec(), (std::vector<int64_t>{4, 10}));
}

TEST(DartsSupernet, SinglePathEqualsOneHotMaskAndOneHotWeights) {
  torch::manual_seed(1);
  DartsSupernet supernet(darts_small_config());
  darts_warm_up(supernet);
  const torch::Tensor x = darts_images();
  torch::NoGradGuard no_grad;
  for (const Architecture& arch : darts_test_archs(5, 2)) {
    const torch::Tensor path = supernet->forward(x, arch);
    EXPECT_TRUE(torch::equal(path, supernet->forward(x, darts_one_hot_mask(arch)))) << DartsSpace().format(arch);
    const torch::Tensor weighted = supernet->forward(x, DartsSpace().full_mask(), darts_one_hot_weights(arch));
    EXPECT_LT((weighted - path).abs().max().item<double>(), 1e-6) << DartsSpace().format(arch);
  }
}

TEST(DartsSupernet, UnitWeightsGiveTheUnweightedSum) {
  torch::manual_seed(2);
  DartsSupernet supernet(darts_small_config());
  darts_warm_up(supernet);
  const torch::Tensor x = darts_images();
  torch::NoGradGuard no_grad;
  ChoiceMask mask = DartsSpace().full_mask();
  mask[3][1] = mask[3][4] = false;  // a ragged mask: some ops dead
  mask[DartsSpace::decision_index(1, 5, DartsSpace::Kind::kInputs)][0] = false;
  const torch::Tensor plain = supernet->forward(x, mask);
  const torch::Tensor unit = supernet->forward(x, mask, torch::ones({24, 10}));
  EXPECT_LT((plain - unit).abs().max().item<double>(), 1e-5 * (1 + plain.abs().max().item<double>()));
  // Scaling a pair decision's weights scales that node, so the output moves.
  torch::Tensor w = torch::ones({24, 10});
  w[DartsSpace::decision_index(0, 4, DartsSpace::Kind::kInputs)] *= 0.5;
  EXPECT_GT((supernet->forward(x, mask, w) - plain).abs().max().item<double>(), 1e-4);
}

TEST(DartsSupernet, SinglePathEqualsStandAloneNetworkAfterCopy) {
  torch::manual_seed(3);
  DartsSupernet supernet(darts_small_config());
  darts_warm_up(supernet);
  const torch::Tensor x = darts_images();
  torch::NoGradGuard no_grad;
  const auto supernet_params = supernet->named_parameters();
  for (const Architecture& arch : darts_test_archs(5, 4)) {
    const auto network = supernet->standalone(arch);
    network->module().eval();
    EXPECT_EQ(network->architecture(), arch);
    EXPECT_LT((network->forward(x) - supernet->forward(x, arch)).abs().max().item<double>(), 1e-5)
        << DartsSpace().format(arch);
    for (const auto& p : network->module().named_parameters()) {
      ASSERT_NE(supernet_params.find(p.key()), nullptr) << p.key();
      EXPECT_TRUE(supernet_params[p.key()].sizes().equals(p.value().sizes())) << p.key();
    }
  }
}

TEST(DartsSupernet, ParameterNamesAreReadable) {
  DartsSupernet supernet(darts_small_config());
  const auto params = supernet->named_parameters();
  for (const char* name : {"stem.0.weight", "cells.0.preprocess0.conv.weight", "cells.2.preprocess0.conv_1.weight",
                           "cells.3.edge1_4.sep_conv_3x3.dw1.weight", "cells.1.edge0_2.skip_connect.conv_2.weight",
                           "cells.4.edge3_5.dil_conv_5x5.bn.bias", "head.classifier.weight"}) {
    EXPECT_NE(params.find(name), nullptr) << name;
  }
  // Identity skip_connect (normal cells, and intermediate inputs of reductions) has no tensor.
  EXPECT_EQ(params.find("cells.1.edge2_3.skip_connect.conv_1.weight"), nullptr);
}

// Parameters a single-path backward reaches are exactly those of path_modules.
TEST(DartsSupernet, GradientsReachExactlyThePathModules) {
  torch::manual_seed(4);
  DartsSupernet supernet(darts_small_config());
  supernet->train();
  for (const Architecture& arch : darts_test_archs(3, 5)) {
    supernet->zero_grad(/*set_to_none=*/true);
    supernet->forward(darts_images(), arch).sum().backward();
    std::set<const void*> path_params;
    for (const auto& module : supernet->path_modules(arch)) {
      for (const auto& p : module->parameters()) path_params.insert(p.unsafeGetTensorImpl());
    }
    for (const auto& p : supernet->named_parameters()) {
      const bool reached = p.value().grad().defined();
      EXPECT_EQ(reached, path_params.count(p.value().unsafeGetTensorImpl()) == 1) << p.key();
    }
  }
}

class DartsCallCounter : public OpObserver {
 public:
  void before_op(int decision, int choice, const torch::Tensor&) override { ++ops[{decision, choice}]; }
  void before_fixed(const std::string& part, const torch::Tensor&) override { fixed.push_back(part); }
  std::map<std::pair<int, int>, int> ops;
  std::vector<std::string> fixed;
};

TEST(DartsSupernet, ObserverSeesEachChosenOpOncePerCell) {
  DartsSupernet supernet(darts_small_config());
  const Architecture arch = darts_test_archs(1, 6)[0];
  DartsCallCounter counter;
  supernet->set_observer(&counter);
  torch::NoGradGuard no_grad;
  supernet->forward(darts_images(), arch);
  supernet->set_observer(nullptr);
  std::map<std::pair<int, int>, int> expected;
  int cells[2] = {0, 0};
  for (int i = 0; i < supernet->num_cells(); ++i) ++cells[supernet->cell(i)->reduction() ? 1 : 0];
  for (int d = 0; d < 24; ++d) {
    if (DartsSpace::decision(d).kind != DartsSpace::Kind::kInputs)
      expected[{d, arch[d]}] = cells[DartsSpace::decision(d).cell];
  }
  EXPECT_EQ(counter.ops, expected);
  std::vector<std::string> parts;
  for (const auto& [name, module] : supernet->fixed_parts()) parts.push_back(name);
  EXPECT_EQ(counter.fixed, parts);
  EXPECT_EQ(parts.front(), "stem");
  EXPECT_EQ(parts[1], "cells.0.preprocess0");
  EXPECT_EQ(parts.back(), "head");
}

TEST(DartsSupernet, BadPathsAndMasksThrow) {
  DartsSupernet supernet(darts_small_config());
  const torch::Tensor x = darts_images();
  EXPECT_THROW(supernet->forward(x, Architecture(23, 0)), Error);
  Architecture bad(24, 0);
  bad[1] = 7;  // ops are 0..6
  EXPECT_THROW(supernet->forward(x, bad), Error);
  EXPECT_THROW(supernet->path_modules(bad), Error);
  ChoiceMask mask = DartsSpace().full_mask();
  mask.pop_back();
  EXPECT_THROW(supernet->forward(x, mask), Error);
  mask = DartsSpace().full_mask();
  mask[4].push_back(true);
  EXPECT_THROW(supernet->forward(x, mask), Error);
  mask = DartsSpace().full_mask();
  mask[5].assign(mask[5].size(), false);
  EXPECT_THROW(supernet->forward(x, mask), Error);
  EXPECT_THROW(supernet->forward(x, DartsSpace().full_mask(), torch::ones({24, 7})), Error);
}

TEST(DartsSupernet, FactoryBuildsTheDefaultPreset) {
  const NetworkSpec spec{"darts", "default", 1, 28, 10};
  const auto supernet = make_supernet(spec);
  EXPECT_EQ(supernet->space().name(), "darts");
  const Architecture arch = darts_test_archs(1, 7)[0];
  EXPECT_EQ(make_network(spec, arch)->forward(torch::randn({2, 1, 28, 28})).sizes().vec(),
            (std::vector<int64_t>{2, 10}));
  EXPECT_THROW(make_supernet({"darts", "paper", 1, 28, 10}), ConfigError);
}

TEST(DartsSupernet, FewSgdStepsLowerTheLoss) {
  torch::manual_seed(8);
  DartsSupernet supernet(DartsConfig{4, 3, 3, 8, 4, 3});
  supernet->train();
  const torch::Tensor x = torch::randn({16, 3, 8, 8});
  const torch::Tensor y = torch::randint(0, 4, {16});
  const Architecture arch = darts_test_archs(1, 9)[0];
  torch::optim::SGD sgd(supernet->weights(), torch::optim::SGDOptions(0.05).momentum(0.9));
  auto loss = [&] { return torch::nn::functional::cross_entropy(supernet->forward(x, arch), y); };
  const double first = loss().item<double>();
  for (int i = 0; i < 15; ++i) {
    sgd.zero_grad();
    loss().backward();
    sgd.step();
  }
  EXPECT_LT(loss().item<double>(), first);
}

}  // namespace
}  // namespace prpnas::nn
