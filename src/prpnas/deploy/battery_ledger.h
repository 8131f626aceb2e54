// The account of a real battery run (`prpnas battery run`): each inference's
// architecture, latency, energy and correctness, charged against a battery
// whose clock may run faster than the wall clock (time_scale: device seconds
// per wall second, so a day can be played in minutes; each inference then
// stands for time_scale of them, and so does its energy). Pure: the run
// loop measures, the ledger adds up.
#ifndef PRPNAS_DEPLOY_BATTERY_LEDGER_H_
#define PRPNAS_DEPLOY_BATTERY_LEDGER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "prpnas/deploy/battery_policy.h"

namespace prpnas::deploy {

struct ArchitectureTally {
  int64_t inferences = 0, correct = 0;
  double latency_ms = 0;   // summed
  double energy_mj = 0;    // summed, as measured (not scaled)
  double active_s = 0;     // wall seconds it was the active one
};

struct SwitchEvent {
  double wall_s = 0, hours = 0, charge = 1;
  std::size_t from = 0, to = 0;
};

class BatteryLedger {
 public:
  // Starts on architecture `first` at wall second 0. Throws ConfigError
  // unless capacity_mwh > 0, time_scale > 0 and first < architectures.
  BatteryLedger(double capacity_mwh, double time_scale, std::size_t architectures, std::size_t first = 0);

  // The device's clock and charge at wall second wall_s (>= the last event's).
  DeviceState state(double wall_s) const;
  bool empty() const { return spent_mj_ * time_scale_ >= capacity_mj_; }

  // Makes k the active architecture from wall_s on; a change is logged.
  void activate(std::size_t k, double wall_s);
  // One inference of the active architecture, finished at wall_s.
  void record(double wall_s, double latency_ms, double energy_mj, bool correct);

  std::size_t active() const { return active_; }
  const std::vector<ArchitectureTally>& tallies() const { return tallies_; }
  const std::vector<SwitchEvent>& switches() const { return switches_; }
  double spent_mj() const { return spent_mj_; }
  // Accuracy (%) of each architecture on the images it saw, weighted by the
  // wall time it was active: the accuracy the device delivered.
  double mean_accuracy() const;

 private:
  void close_interval(double wall_s);

  double capacity_mj_, time_scale_;
  std::vector<ArchitectureTally> tallies_;
  std::vector<SwitchEvent> switches_;
  std::size_t active_ = 0;
  double since_s_ = 0, spent_mj_ = 0;
};

}  // namespace prpnas::deploy

#endif  // PRPNAS_DEPLOY_BATTERY_LEDGER_H_
