#include "prpnas/nn/nb201/supernet.h"
#include "prpnas/nn/nb201/network.h"

#include <gtest/gtest.h>

#include <random>

#include "prpnas/nn/nb201/costs.h"
#include "prpnas/nn/nb201/ops.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {
namespace {

using space::Architecture;
using space::Nb201Space;

TEST(Nb201Network, SpaceOrdersAreTheOnesTheOpsAssume) {
  // nb201_ops and the cell follow NB201's string order; Nb201Space is the
  // authority on it.
  const Nb201Space s;
  EXPECT_EQ(s.choices(0),
            (std::vector<std::string>{"none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"}));
  const std::vector<std::pair<int, int>> edges = {{0, 1}, {0, 2}, {1, 2}, {0, 3}, {1, 3}, {2, 3}};
  for (int d = 0; d < 6; ++d) {
    EXPECT_EQ(Nb201Space::edge(d).from, edges[d].first);
    EXPECT_EQ(Nb201Space::edge(d).to, edges[d].second);
  }
}

TEST(Nb201Network, OpsKeepShapeAndFollowNb201) {
  const torch::Tensor x = torch::randn({2, 4, 8, 8});
  for (const auto& name : Nb201Space().choices(0)) {
    torch::nn::AnyModule op = make_op(name, 4);
    EXPECT_EQ(op.forward(x).sizes(), x.sizes()) << name;
  }
  EXPECT_TRUE(torch::equal(make_op("none", 4).forward(x), torch::zeros_like(x)));
  EXPECT_TRUE(torch::equal(make_op("skip_connect", 4).forward(x), x));
  // count_include_pad=false: a constant image stays constant at the border.
  const torch::Tensor ones = torch::ones({1, 1, 5, 5});
  EXPECT_TRUE(torch::allclose(make_op("avg_pool_3x3", 1).forward(ones), ones));
  EXPECT_THROW(make_op("max_pool_3x3", 4), ConfigError);

  ResNetBasicBlock block(4, 8);
  EXPECT_EQ(block->forward(x).sizes(), (std::vector<int64_t>{2, 8, 4, 4}));
  EXPECT_FALSE(block->conv_a->conv->options.bias());
  EXPECT_TRUE(block->conv_a->bn->options.affine());
  EXPECT_TRUE(block->conv_a->bn->options.track_running_stats());
}

TEST(Nb201Network, BuildsOnlyTheChosenOps) {
  const Nb201Config config = nb201_preset("paper", 3, 32, 10);
  const Nb201Space s;
  const NetworkCosts costs = measure_nb201_costs(config);
  std::mt19937_64 rng(11);
  for (int i = 0; i < 5; ++i) {
    const Architecture arch = space::sample_uniform(s, rng);
    Nb201Network network(config, arch);
    int64_t params = 0;
    for (const auto& p : network->parameters()) params += p.numel();
    EXPECT_EQ(params, static_cast<int64_t>(costs.params.cost(arch))) << s.format(arch);
    for (int d = 0; d < 6; ++d) {
      for (int c = 0; c < 5; ++c) {
        const bool built = c == arch[d] && c != Nb201Space::kNone;
        EXPECT_EQ(network->cell(0)->op(d, c) != nullptr, built);
      }
    }
  }
  EXPECT_EQ(Nb201Network(config, Architecture(6, Nb201Space::kConv3x3))
                ->named_parameters()
                .contains("cells.3.edge2.nor_conv_3x3.conv.weight"),
            true);
}

TEST(Nb201Network, AllNoneCellGivesAConstantPerClassOutput) {
  // The cells output zeros, so the head sees the same input for every image.
  Nb201Network network(Nb201Config{4, 1, 1, 8, 3}, Architecture(6, Nb201Space::kNone));
  network->eval();
  torch::NoGradGuard no_grad;
  const torch::Tensor y = network->forward(torch::randn({3, 1, 8, 8}));
  EXPECT_EQ(y.sizes(), (std::vector<int64_t>{3, 3}));
  EXPECT_TRUE(torch::allclose(y[0], y[1]));
}

TEST(Nb201Network, RejectsBadArchitecturesAndMismatchedSupernets) {
  const Nb201Config config{4, 1, 1, 8, 3};
  EXPECT_THROW(Nb201Network(config, Architecture{1, 2}), Error);
  EXPECT_THROW(Nb201Network(config, Architecture{1, 2, 3, 4, 5, 6}), Error);
  Nb201Network network(config, Architecture(6, 3));
  Nb201Config other = config;
  other.channels = 8;
  EXPECT_THROW(network->copy_from(*Nb201Supernet(other)), Error);
}

}  // namespace
}  // namespace prpnas::nn
