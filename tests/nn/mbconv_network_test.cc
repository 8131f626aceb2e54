#include "prpnas/nn/mbconv/network.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "prpnas/nn/mbconv/costs.h"
#include "prpnas/nn/mbconv/supernet.h"
#include "prpnas/nn/module_costs.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {
namespace {

using space::Architecture;
using space::MbConvSpace;

Architecture all_choice(const space::SearchSpace& space, int choice) {
  return Architecture(space.num_decisions(), choice);
}

TEST(MbConvNetwork, MobileNetV2MatchesTorchvisionsParameterCount) {
  // torchvision.models.mobilenet_v2(): 3,504,872 parameters (its model card
  // and `sum(p.numel() for p in m.parameters())`). Every block k3e6 is
  // MobileNetV2's t = 6, 3x3 block.
  const MbConvConfig config = mbconv_preset("mobilenetv2", "imagenet", 3, 224, 1000);
  const Architecture arch = all_choice(config.search_space(), 1);
  ASSERT_EQ(config.search_space().format(arch).substr(0, 9), "k3e6 k3e6");
  MbConvNetwork network(config, arch);
  EXPECT_EQ(parameter_count(*network), 3504872);
  const NetworkCosts costs = measure_mbconv_costs(config);
  EXPECT_EQ(costs.params.cost(arch), 3504872);
  // MACs by forward hooks on torchvision's mobilenet_v2: bench/mobilenet_v2_counts.py.
  EXPECT_EQ(costs.flops.cost(arch), 300775272);
}

TEST(MbConvNetwork, OfaMatchesTheCountsOfTorchvisionsMobileNetV3WithOfasWidths) {
  // bench/ofa_counts.py: torchvision's MobileNetV3 class built with the
  // widths of Once-for-All's w1.2 network (its feature mix without bias, as
  // OFA's), parameters and MACs by forward hooks at 224x224.
  const MbConvConfig config = mbconv_preset("ofa", "imagenet", 3, 224, 1000);
  const space::MbConvSpace space = config.search_space();
  const NetworkCosts costs = measure_mbconv_costs(config);
  const struct {
    const char* arch;
    int64_t params;
    double macs;
  } cases[] = {
      {"k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6 k7e6", 10701632,
       843102040},
      {"k3e3 k3e3 skip skip k3e3 k3e3 skip skip k3e3 k3e3 skip skip k3e3 k3e3 skip skip k3e3 k3e3 skip skip", 4602456,
       193079200},
  };
  for (const auto& c : cases) {
    const Architecture arch = space.parse(c.arch);
    MbConvNetwork network(config, arch);
    EXPECT_EQ(parameter_count(*network), c.params) << c.arch;
    EXPECT_EQ(costs.params.cost(arch), c.params) << c.arch;
    EXPECT_EQ(costs.flops.cost(arch), c.macs) << c.arch;
    torch::NoGradGuard no_grad;
    network->eval();
    EXPECT_EQ(network->forward(torch::zeros({1, 3, 224, 224})).sizes(), (std::vector<int64_t>{1, 1000}));
  }
}

TEST(MbConvNetwork, ProxylessImagenetShapesAndAdditiveCounts) {
  const MbConvConfig config = mbconv_preset("proxyless", "imagenet", 3, 224, 1000);
  const MbConvSupernet supernet(config);
  EXPECT_EQ(supernet->final_size(), 7);  // 224 / 32
  EXPECT_EQ(supernet->layer_input_size(0), 112);
  EXPECT_EQ(supernet->layer_in_channels(0), 16);
  const NetworkCosts costs = measure_mbconv_costs(config);
  std::mt19937_64 rng(3);
  for (int i = 0; i < 5; ++i) {
    const Architecture arch = space::sample_uniform(supernet->table(), rng);
    MbConvNetwork network(config, arch);
    EXPECT_EQ(costs.params.cost(arch), parameter_count(*network)) << supernet->table().format(arch);
    torch::NoGradGuard no_grad;
    network->eval();
    EXPECT_EQ(network->forward(torch::zeros({1, 3, 224, 224})).sizes(), (std::vector<int64_t>{1, 1000}));
  }
}

class MbConvFamily : public ::testing::TestWithParam<const char*> {};

TEST_P(MbConvFamily, TheStandaloneNetworkComputesTheSupernetsPath) {
  torch::manual_seed(0);
  MbConvSupernet supernet(mbconv_preset(GetParam(), "default", 1, 28, 10));
  const MbConvSpace& space = supernet->table();
  const torch::Tensor x = torch::randn({4, 1, 28, 28});
  // Train mode moves the BN statistics, then compare in eval mode.
  std::mt19937_64 rng(7);
  Architecture arch = space::sample_uniform(space, rng);
  arch[3] = space.skip_choice();
  for (int i = 0; i < 3; ++i) supernet->forward(x, space::sample_uniform(space, rng));
  supernet->eval();
  torch::NoGradGuard no_grad;
  const torch::Tensor expected = supernet->forward(x, arch);
  const auto network = supernet->standalone(arch);
  network->module().eval();
  EXPECT_TRUE(torch::allclose(network->forward(x), expected, 1e-5, 1e-5));
  // A one-hot mask runs the same path.
  EXPECT_TRUE(torch::equal(supernet->forward(x, space::path_mask(space, arch)), expected));
  // Skip everywhere it is allowed leaves only the stages' unskippable blocks.
  Architecture skips = all_choice(space, space.skip_choice());
  std::size_t blocks = 0;
  for (int d = 0; d < space.num_decisions(); ++d) {
    if (space.choices(d).back() != "skip") {
      skips[d] = 0;
      ++blocks;
    }
  }
  EXPECT_EQ(blocks, GetParam() == std::string("ofa") ? 10u : 6u);
  EXPECT_EQ(supernet->path_modules(skips).size(), 3u + blocks);
  EXPECT_EQ(supernet->forward(x, skips).sizes(), (std::vector<int64_t>{4, 10}));
}

// The first layer reads the first block's output, plus the stem's in
// MobileNetV3 only: ProxylessNAS's CPU preset rounds stem and first block to
// 8 channels each, and its networks still have no shortcut there.
TEST_P(MbConvFamily, TheFirstBlockAddsItsInputOnlyInMobileNetV3) {
  struct FirstLayerInput : OpObserver {
    torch::Tensor stem, first_block, layer1;
    void after_fixed(const std::string& part, const torch::Tensor& out) override {
      if (part == "stem") stem = out;
      if (part == "first_block") first_block = out;
    }
    void before_op(int decision, int, const torch::Tensor& in) override {
      if (decision == 0) layer1 = in;
    }
  };
  torch::manual_seed(1);
  const MbConvConfig config = mbconv_preset(GetParam(), "default", 1, 28, 10);
  EXPECT_EQ(config.stem_channels(), config.first_block_channels());
  MbConvNetwork network(config, Architecture(config.search_space().num_decisions(), 0));
  FirstLayerInput seen;
  network->set_observer(&seen);
  torch::NoGradGuard no_grad;
  network->forward(torch::randn({2, 1, 28, 28}));
  const torch::Tensor expected = GetParam() == std::string("ofa") ? seen.first_block + seen.stem : seen.first_block;
  EXPECT_TRUE(torch::equal(seen.layer1, expected));
}

INSTANTIATE_TEST_SUITE_P(Spaces, MbConvFamily, ::testing::Values("proxyless", "ofa"));

TEST(MbConvNetwork, SkipOnAStagesFirstLayerIsRefused) {
  const MbConvConfig config = mbconv_preset("proxyless", "default", 1, 28, 10);
  EXPECT_THROW(MbConvNetwork(config, all_choice(config.search_space(), config.search_space().skip_choice())), Error);
  EXPECT_THROW(mbconv_preset("proxyless", "proxyless-imagenet", 3, 224, 1000), ConfigError);
}

}  // namespace
}  // namespace prpnas::nn
