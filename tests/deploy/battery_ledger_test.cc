// The ledger of a real battery run, on scripted inferences: the charge, the
// device clock, the per-architecture tallies and the time-weighted accuracy
// by hand.
#include "prpnas/deploy/battery_ledger.h"

#include <gtest/gtest.h>

#include "prpnas/util/error.h"

namespace prpnas::deploy {
namespace {

// 1 mWh is 3,600 mJ. Each inference spends 36 mJ; at time scale 10 each
// stands for ten, so 10 of them spend 3,600 mJ of device energy: 1 mWh.
TEST(BatteryLedger, ChargesScaledEnergyAndRunsTheDeviceClockFaster) {
  BatteryLedger ledger(2, 10, 2);
  for (int i = 1; i <= 10; ++i) ledger.record(0.1 * i, 5, 36, i % 2 == 0);
  EXPECT_DOUBLE_EQ(ledger.spent_mj(), 360);
  EXPECT_NEAR(ledger.state(1).charge, 0.5, 1e-12);   // 1 of 2 mWh
  EXPECT_NEAR(ledger.state(360).hours, 1, 1e-12);    // 360 wall s x 10
  EXPECT_FALSE(ledger.empty());
  for (int i = 11; i <= 20; ++i) ledger.record(0.1 * i, 5, 36, true);
  EXPECT_TRUE(ledger.empty());
  EXPECT_EQ(ledger.state(2).charge, 0);
  const ArchitectureTally& t = ledger.tallies()[0];
  EXPECT_EQ(t.inferences, 20);
  EXPECT_EQ(t.correct, 15);
  EXPECT_DOUBLE_EQ(t.latency_ms, 100);
  EXPECT_NEAR(t.active_s, 2, 1e-12);
}

TEST(BatteryLedger, LogsSwitchesAndWeighsAccuracyByActiveTime) {
  BatteryLedger ledger(1000, 3600, 3, 1);  // one wall second is one device hour
  ledger.record(1, 1, 1, true);            // architecture 1: 1 of 1 right, active 0-3 s
  ledger.activate(1, 2);                   // no change, no switch
  ledger.activate(2, 3);
  ledger.record(4, 1, 1, false);           // architecture 2: 1 of 2 right, active 3-9 s
  ledger.record(5, 1, 1, true);
  ledger.activate(2, 9);
  ASSERT_EQ(ledger.switches().size(), 1u);
  const SwitchEvent& s = ledger.switches()[0];
  EXPECT_EQ(s.from, 1u);
  EXPECT_EQ(s.to, 2u);
  EXPECT_DOUBLE_EQ(s.wall_s, 3);
  EXPECT_DOUBLE_EQ(s.hours, 3);
  EXPECT_NEAR(s.charge, 1 - 3600.0 / 3.6e6, 1e-12);  // 1 mJ x 3600 of 1000 mWh
  EXPECT_NEAR(ledger.tallies()[1].active_s, 3, 1e-12);
  EXPECT_NEAR(ledger.tallies()[2].active_s, 6, 1e-12);
  EXPECT_EQ(ledger.tallies()[0].inferences, 0);
  EXPECT_NEAR(ledger.mean_accuracy(), (3 * 100.0 + 6 * 50.0) / 9, 1e-9);
}

TEST(BatteryLedger, RefusesBadSettings) {
  EXPECT_THROW(BatteryLedger(0, 1, 1), ConfigError);
  EXPECT_THROW(BatteryLedger(1, 0, 1), ConfigError);
  EXPECT_THROW(BatteryLedger(1, 1, 0), ConfigError);
  EXPECT_THROW(BatteryLedger(1, 1, 2, 2), ConfigError);
  BatteryLedger ledger(1, 1, 2);
  EXPECT_THROW(ledger.activate(2, 0), ConfigError);
}

}  // namespace
}  // namespace prpnas::deploy
