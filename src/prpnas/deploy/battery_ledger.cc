#include "prpnas/deploy/battery_ledger.h"

#include <algorithm>
#include <cmath>

#include <fmt/core.h>

#include "prpnas/util/error.h"

namespace prpnas::deploy {

BatteryLedger::BatteryLedger(double capacity_mwh, double time_scale, std::size_t architectures, std::size_t first)
    : capacity_mj_(capacity_mwh * 3600), time_scale_(time_scale), tallies_(architectures), active_(first) {
  if (!(capacity_mwh > 0 && std::isfinite(capacity_mwh))) {
    throw ConfigError(fmt::format("--capacity-mwh {}: give a positive capacity", capacity_mwh));
  }
  if (!(time_scale > 0 && std::isfinite(time_scale))) {
    throw ConfigError(fmt::format("--time-scale {}: give a positive factor (device seconds per wall second)", time_scale));
  }
  if (first >= architectures) {
    throw ConfigError(fmt::format("architecture {}: a battery run of {} architectures", first, architectures));
  }
}

DeviceState BatteryLedger::state(double wall_s) const {
  return {wall_s * time_scale_ / 3600, std::max(0.0, 1 - spent_mj_ * time_scale_ / capacity_mj_)};
}

void BatteryLedger::close_interval(double wall_s) {
  tallies_[active_].active_s += wall_s - since_s_;
  since_s_ = wall_s;
}

void BatteryLedger::activate(std::size_t k, double wall_s) {
  if (k >= tallies_.size()) {
    throw ConfigError(fmt::format("architecture {}: the bundle holds 0..{}", k, tallies_.size() - 1));
  }
  close_interval(wall_s);
  if (k == active_) return;
  const DeviceState now = state(wall_s);
  switches_.push_back({wall_s, now.hours, now.charge, active_, k});
  active_ = k;
}

void BatteryLedger::record(double wall_s, double latency_ms, double energy_mj, bool correct) {
  close_interval(wall_s);
  ArchitectureTally& t = tallies_[active_];
  ++t.inferences;
  t.correct += correct ? 1 : 0;
  t.latency_ms += latency_ms;
  t.energy_mj += energy_mj;
  spent_mj_ += energy_mj;
}

double BatteryLedger::mean_accuracy() const {
  double weighted = 0, time = 0;
  for (const ArchitectureTally& t : tallies_) {
    if (t.inferences == 0) continue;
    weighted += t.active_s * 100.0 * t.correct / t.inferences;
    time += t.active_s;
  }
  return time > 0 ? weighted / time : 0;
}

}  // namespace prpnas::deploy
