// Battery policies on scripted states, and the simulation's arithmetic
// against hand-computed cases (issue 21).
#include "prpnas/deploy/battery_simulation.h"

#include <gtest/gtest.h>

#include "prpnas/deploy/battery_policy.h"
#include "prpnas/util/error.h"

namespace prpnas::deploy {
namespace {

// A front: most accurate and most expensive first.
const std::vector<Choice> kFront = {{90, 30}, {80, 20}, {70, 10}};

std::size_t chosen(const std::string& spec, double hours, double charge) {
  return parse_battery_policy(spec)->choose({hours, charge}, kFront);
}

TEST(BatteryPolicy, EachPolicyOnAScriptedTrace) {
  for (double h : {0.0, 7.0, 23.9}) EXPECT_EQ(chosen("most-accurate", h, 0.1), 0u);
  EXPECT_EQ(chosen("fixed:1", 3, 0.5), 1u);
  EXPECT_EQ(chosen("most-efficient", 0, 1), 2u);
  // time:5 -> 0 until 5 h, 1 until 10 h, then the cheapest for good.
  const std::vector<std::pair<double, std::size_t>> times = {{0, 0}, {4.99, 0}, {5, 1}, {9.9, 1}, {10, 2}, {23, 2}};
  for (const auto& [h, k] : times) EXPECT_EQ(chosen("time:5", h, 1), k) << h;
  // battery:50,20 -> one step cheaper under 50 %, another under 20 %.
  const std::vector<std::pair<double, std::size_t>> charges = {{1, 0}, {0.5, 0}, {0.49, 1}, {0.2, 1}, {0.19, 2}, {0, 2}};
  for (const auto& [c, k] : charges) EXPECT_EQ(chosen("battery:50,20", 0, c), k) << c;
  EXPECT_EQ(chosen("battery:90,70,50,30", 0, 0.1), 2u);  // capped at the cheapest
  EXPECT_EQ(chosen("accuracy:75", 0, 1), 1u);
  EXPECT_EQ(chosen("accuracy:70", 0, 1), 2u);
  EXPECT_EQ(chosen("accuracy:95", 0, 1), 0u);  // none qualifies: the most accurate
  EXPECT_EQ(parse_battery_policy("time:5")->name(), "time:5");
}

TEST(BatteryPolicy, BadSpecsAreRefusedNamingTheForms) {
  for (const char* bad : {"time:0", "time:-1", "battery:20,50", "battery:0", "battery:100", "battery:", "fixed:-1",
                          "fixed:1.5", "accuracy:x", "speed:3", "time", ""}) {
    EXPECT_THROW(parse_battery_policy(bad), ConfigError) << bad;
  }
  EXPECT_THROW(chosen("fixed:3", 0, 1), ConfigError);  // the bundle has 0..2
}

// 10 mJ per inference at 2 per second is 20 mW: a 100 mWh battery lasts 5 h.
TEST(BatterySimulation, ConstantPowerEmptiesAtTheHandComputedHour) {
  const std::vector<Choice> one = {{88, 10}};
  const SimulationResult r = simulate_battery(one, *parse_battery_policy("most-accurate"), {100, 24, 2, 1.0 / 60});
  EXPECT_TRUE(r.emptied);
  EXPECT_NEAR(r.hours_run, 5.0, 1e-9);
  EXPECT_NEAR(r.energy_mj, 100 * 3600.0, 1e-6);
  EXPECT_EQ(r.charge_left, 0.0);
  EXPECT_NEAR(r.mean_accuracy, 88, 1e-9);
  for (const SimulationSample& s : r.samples) EXPECT_NEAR(s.charge, 1 - s.hours / 5.0, 1e-9) << s.hours;
  EXPECT_NEAR(r.samples.back().hours, 5.0, 1e-9);

  // A 1,000 mWh battery: 24 h use 480 mWh.
  const SimulationResult day = simulate_battery(one, *parse_battery_policy("most-accurate"), {1000, 24, 2, 0.25});
  EXPECT_FALSE(day.emptied);
  EXPECT_NEAR(day.hours_run, 24, 1e-9);
  EXPECT_NEAR(day.charge_left, 0.52, 1e-9);
  EXPECT_EQ(day.samples.size(), 97u);  // 0, 0.25, ..., 24
}

// The paper's scenario: switching every 5 h over 24 h at 1 inference/s,
// 30, 20, then 10 mW: 150 + 100 + 140 = 390 mWh; accuracy (5x90 + 5x80 + 14x70) / 24.
TEST(BatterySimulation, SwitchingEveryFiveHoursByHand) {
  const SimulationResult r = simulate_battery(kFront, *parse_battery_policy("time:5"), {10000, 24, 1, 0.5});
  EXPECT_FALSE(r.emptied);
  EXPECT_NEAR(r.energy_mj, 390 * 3600.0, 1e-6);
  EXPECT_NEAR(r.charge_left, 1 - 390.0 / 10000, 1e-12);
  EXPECT_NEAR(r.mean_accuracy, (5 * 90 + 5 * 80 + 14 * 70) / 24.0, 1e-9);
  ASSERT_EQ(r.switches_at.size(), 2u);
  EXPECT_DOUBLE_EQ(r.samples[r.switches_at[0]].hours, 5);
  EXPECT_DOUBLE_EQ(r.samples[r.switches_at[1]].hours, 10);
  // The battery policy reacts to the charge the simulation computes.
  const SimulationResult b = simulate_battery(kFront, *parse_battery_policy("battery:50"), {100, 24, 1, 1.0 / 60});
  ASSERT_EQ(b.switches_at.size(), 1u);
  EXPECT_LT(b.samples[b.switches_at[0]].charge, 0.5);
  EXPECT_GT(b.samples[b.switches_at[0] - 1].charge, 0.5 - 30.0 / 60 / 100 - 1e-12);
}

TEST(BatterySimulation, RefusesBadOptions) {
  const auto policy = parse_battery_policy("most-accurate");
  EXPECT_THROW(simulate_battery({}, *policy, {100, 24, 1, 0.1}), ConfigError);
  EXPECT_THROW(simulate_battery(kFront, *policy, {0, 24, 1, 0.1}), ConfigError);
  EXPECT_THROW(simulate_battery(kFront, *policy, {100, 24, -1, 0.1}), ConfigError);
  EXPECT_THROW(simulate_battery({{90, NAN}}, *policy, {100, 24, 1, 0.1}), ConfigError);
}

}  // namespace
}  // namespace prpnas::deploy
