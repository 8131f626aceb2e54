// The random-estimates floor's draws: a function of seed and architecture,
// uniform on [0, 1), unrelated between neighbouring seeds.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "prpnas/eval/floor_rows.h"
#include "prpnas/pareto/rank_correlation.h"

namespace prpnas::eval {
namespace {

std::string arch_string(int i) { return "k3e6 skip k5e3 #" + std::to_string(i); }

TEST(RandomEstimate, IsAFunctionOfSeedAndArchitecture) {
  EXPECT_EQ(random_estimate(7, "k3e6 skip"), random_estimate(7, "k3e6 skip"));
  EXPECT_NE(random_estimate(7, "k3e6 skip"), random_estimate(8, "k3e6 skip"));
  EXPECT_NE(random_estimate(7, "k3e6 skip"), random_estimate(7, "k3e6 skiq"));
}

TEST(RandomEstimate, IsUniformOnTheUnitInterval) {
  constexpr int kDraws = 20000;
  std::array<int, 10> deciles{};
  for (int i = 0; i < kDraws; ++i) {
    const double u = random_estimate(3, arch_string(i));
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    ++deciles[static_cast<int>(u * 10)];
  }
  // Each decile holds 2,000 draws with a standard deviation of 42.
  for (int count : deciles) EXPECT_NEAR(count, kDraws / 10, 200);
}

TEST(RandomEstimate, NeighbouringSeedsAreUnrelated) {
  std::vector<double> a, b;
  for (int i = 0; i < 2000; ++i) {
    a.push_back(random_estimate(0, arch_string(i)));
    b.push_back(random_estimate(1, arch_string(i)));
  }
  // tau of independent draws: standard error 0.015 at 2,000 pairs.
  EXPECT_NEAR(pareto::kendall_tau_b(a, b), 0.0, 0.07);
}

}  // namespace
}  // namespace prpnas::eval
