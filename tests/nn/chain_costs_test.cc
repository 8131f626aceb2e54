#include "prpnas/nn/chain/costs.h"

#include <gtest/gtest.h>

#include "prpnas/nn/supernet_factory.h"
#include "prpnas/space/chain_space.h"
#include "prpnas/space/enumeration.h"

namespace prpnas::nn {
namespace {

const NetworkSpec kChainSpec{"chain", "small", 1, 16, 10};  // C = 8

// Every valid architecture: the table's params equal the stand-alone
// network's, counted by brute force.
TEST(ChainCosts, ParamsEqualTheStandaloneNetworksForEveryValidArchitecture) {
  const NetworkCosts costs = network_costs(kChainSpec);
  const space::ChainSpace s;
  const space::Enumeration all(s);
  int valid = 0;
  for (std::uint64_t i = 0; i < all.size(); ++i) {
    const space::Architecture arch = all.at(i);
    if (!s.is_valid(arch)) continue;
    ++valid;
    const auto network = make_network(kChainSpec, arch);
    int64_t numel = 0;
    for (const auto& p : network->module().parameters()) numel += p.numel();
    EXPECT_EQ(static_cast<int64_t>(costs.params.cost(arch)), numel) << s.format(arch);
  }
  EXPECT_EQ(valid, 60);
}

TEST(ChainCosts, FlopsOfOneArchitectureByHand) {
  const NetworkCosts costs = network_costs(kChainSpec);
  const space::Architecture arch = space::ChainSpace().parse("conv3x3-conv5x5-skip-avg_pool3x3");
  // C = 8, 16x16 throughout, batch 1; pooling, BN, ReLU and skip are free.
  const double stem = 8.0 * 16 * 16 * 1 * 3 * 3;    // Conv3x3 1 -> 8
  const double layer1 = 8.0 * 16 * 16 * 8 * 3 * 3;  // conv3x3
  const double layer2 = 8.0 * 16 * 16 * 8 * 5 * 5;  // conv5x5
  const double head = 8.0 * 10 + 10;                // Linear 8 -> 10 with bias
  EXPECT_EQ(costs.flops.cost(arch), stem + layer1 + layer2 + head);
  EXPECT_EQ(costs.flops.cost(arch), 575578.0);
  // The same counter as measure_chain_costs.
  const NetworkCosts direct = measure_chain_costs(chain_preset("small", 1, 16, 10));
  EXPECT_EQ(direct.flops.cost(arch), costs.flops.cost(arch));
  EXPECT_EQ(direct.params.cost(arch), costs.params.cost(arch));
}

}  // namespace
}  // namespace prpnas::nn
