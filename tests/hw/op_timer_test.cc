#include "prpnas/hw/op_timer.h"

#include <gtest/gtest.h>

#include "prpnas/nn/nb201/network.h"
#include "prpnas/nn/nb201/supernet.h"
#include "prpnas/space/nb201_space.h"

namespace prpnas::hw {
namespace {

using space::Nb201Space;

TEST(OpTimer, TimesEveryOpOfThePathOncePerCellAndEachFixedPartOnce) {
  const nn::Nb201Config config = nn::nb201_preset("default", 1, 16, 10);  // 3 cells
  nn::Nb201Supernet supernet(config);
  supernet->eval();
  OpTimer timer(6, 5);
  supernet->set_observer(&timer);
  const space::Architecture path = Nb201Space().parse(
      "|nor_conv_3x3~0|+|none~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|");
  torch::NoGradGuard no_grad;
  for (int pass = 0; pass < 2; ++pass) {  // reset makes the second pass count alone
    timer.reset();
    supernet->forward(torch::randn({1, 1, 16, 16}), path);
    for (int d = 0; d < 6; ++d) {
      for (int c = 0; c < 5; ++c) {
        EXPECT_EQ(timer.op_calls()[d][c], c == path[d] ? supernet->num_cells() : 0) << d << " " << c;
        if (c != path[d]) {
          EXPECT_EQ(timer.op_ms()[d][c], 0);
        }
      }
    }
    ASSERT_EQ(timer.fixed_calls().size(), 4u);
    for (const auto& [part, calls] : timer.fixed_calls()) EXPECT_EQ(calls, 1) << part;
    EXPECT_GT(timer.fixed_ms().at("stem"), 0);
    EXPECT_GT(timer.op_ms()[0][Nb201Space::kConv3x3], 0);
  }
}

TEST(OpTimer, StandAloneNetworkReportsNoNoneEdges) {
  const nn::Nb201Config config = nn::nb201_preset("default", 1, 16, 10);
  const space::Architecture arch = Nb201Space().parse(
      "|none~0|+|skip_connect~0|none~1|+|none~0|nor_conv_3x3~1|none~2|");
  nn::Nb201Network network(config, arch);
  network->eval();
  OpTimer timer(6, 5);
  network->set_observer(&timer);
  torch::NoGradGuard no_grad;
  network->forward(torch::randn({1, 1, 16, 16}));
  for (int d = 0; d < 6; ++d) {
    const int expected = arch[d] == Nb201Space::kNone ? 0 : network->num_cells();
    EXPECT_EQ(timer.op_calls()[d][arch[d]], expected) << d;
  }
}

}  // namespace
}  // namespace prpnas::hw
