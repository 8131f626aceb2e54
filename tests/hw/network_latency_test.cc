#include "prpnas/hw/network_latency.h"

#include <gtest/gtest.h>

#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {
namespace {

using space::Nb201Space;

// Small and quick: the default preset at 16x16.
nn::NetworkSpec small_config() { return {"nb201", "default", 1, 16, 10}; }

LatencyOptions quick_options() {
  LatencyOptions o;
  o.repeats = 15;
  o.warmup = 2;
  return o;
}

TEST(Nb201Lut, HasEveryEntryAndTheFixedParts) {
  const LatencyTable lut = measure_lut(small_config(), quick_options(), nullptr);
  ASSERT_EQ(lut.choice.size(), 6u);
  for (int d = 0; d < 6; ++d) {
    ASSERT_EQ(lut.choice[d].size(), 5u);
    EXPECT_EQ(lut.choice[d][Nb201Space::kNone].median_ms, 0);
    for (int c = 1; c < 5; ++c) {
      EXPECT_EQ(lut.choice[d][c].samples, 15) << "every op timed once per round";
      EXPECT_GT(lut.choice[d][c].median_ms, 0);
    }
  }
  std::vector<std::string> names;
  for (const auto& [name, t] : lut.fixed) {
    names.push_back(name);
    EXPECT_EQ(t.samples, 15 * 5) << name << ": once per forward";
  }
  EXPECT_EQ(names, (std::vector<std::string>{"stem", "reduction1", "reduction2", "head", "other"}));
  EXPECT_EQ(lut.setup.repeats, 15);
  EXPECT_EQ(lut.setup.network["image_size"], 16);
}

TEST(Nb201Lut, EstimateIsFixedPlusTheChosenEntries) {
  const LatencyTable lut = measure_lut(small_config(), quick_options(), nullptr);
  const space::CostTable cost = lut.latency_ms();
  double fixed = 0;
  for (const auto& [name, t] : lut.fixed) fixed += t.median_ms;
  const space::Architecture arch = {3, 1, 0, 2, 4, 3};
  double expected = fixed;
  for (int d = 0; d < 6; ++d) expected += lut.choice[d][arch[d]].median_ms;
  EXPECT_DOUBLE_EQ(cost.cost(arch), expected);
}

TEST(Nb201Lut, AllSkipIsCheaperThanAllConv3x3) {
  const LatencyTable lut = measure_lut(small_config(), quick_options(), nullptr);
  const space::CostTable cost = lut.latency_ms();
  const space::Architecture skip(6, Nb201Space::kSkipConnect), conv(6, Nb201Space::kConv3x3);
  EXPECT_LT(cost.cost(skip), cost.cost(conv));
  // Also end to end, measured on the stand-alone networks.
  const MeasuredLatency measured = measure_latency(small_config(), {skip, conv}, quick_options(), nullptr);
  ASSERT_EQ(measured.latency.size(), 2u);
  EXPECT_LT(measured.latency[0].median_ms, measured.latency[1].median_ms);
  EXPECT_EQ(measured.archs[1], Nb201Space().format(conv));
  EXPECT_EQ(measured.latency[0].samples, 15);
}

// A ragged space: a row per decision as long as its choices; narrower
// decisions cycle their order, so their choices are timed more often.
TEST(ChainLut, OneEntryPerChoiceOfARaggedSpace) {
  const LatencyTable lut = measure_lut({"chain", "small", 1, 16, 10}, quick_options(), nullptr);
  ASSERT_EQ(lut.choice.size(), 4u);
  const std::vector<std::size_t> widths = {2, 3, 3, 4};
  for (int d = 0; d < 4; ++d) {
    ASSERT_EQ(lut.choice[d].size(), widths[d]);
    for (const TimingSummary& t : lut.choice[d]) EXPECT_GE(t.samples, 15);
  }
  EXPECT_EQ(lut.choice[3][0].samples, 15);  // the widest decision: once per round
  std::vector<std::string> names;
  for (const auto& [name, t] : lut.fixed) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"stem", "head", "other"}));
  EXPECT_EQ(lut.setup.space, "chain");
  EXPECT_GT(lut.latency_ms().cost({0, 0, 0, 0}), lut.latency_ms().cost({0, 2, 0, 2}));  // convolutions cost more than skips
}

TEST(Nb201Lut, RejectsBadOptions) {
  LatencyOptions o = quick_options();
  o.repeats = 0;
  EXPECT_THROW(measure_lut(small_config(), o, nullptr), ConfigError);
  o = quick_options();
  o.batch = 0;
  EXPECT_THROW(measure_latency(small_config(), {{1, 1, 1, 1, 1, 1}}, o, nullptr), ConfigError);
}

}  // namespace
}  // namespace prpnas::hw
