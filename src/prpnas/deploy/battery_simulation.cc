#include "prpnas/deploy/battery_simulation.h"

#include <algorithm>
#include <cmath>

#include <fmt/core.h>

#include "prpnas/util/error.h"

namespace prpnas::deploy {

SimulationResult simulate_battery(const std::vector<Choice>& choices, const BatteryPolicy& policy,
                                  const SimulationOptions& o) {
  if (choices.empty()) throw ConfigError("battery simulation: no architectures");
  if (!(o.capacity_mwh > 0) || !(o.hours > 0) || !(o.rate_hz > 0) || !(o.step_hours > 0) || !std::isfinite(o.hours)) {
    throw ConfigError("battery simulation: capacity, hours, rate and step must be positive numbers");
  }
  for (const Choice& c : choices) {
    if (!(c.energy_mj >= 0) || !std::isfinite(c.energy_mj)) {
      throw ConfigError(fmt::format("battery simulation: an energy per inference of {} mJ", c.energy_mj));
    }
  }
  const double capacity_mj = o.capacity_mwh * 3600.0;
  SimulationResult r;
  double t = 0, spent = 0, accuracy_hours = 0;
  while (true) {
    const double charge = std::max(0.0, 1.0 - spent / capacity_mj);
    const std::size_t k = policy.choose({t, charge}, choices);
    if (!r.samples.empty() && r.samples.back().active != k) r.switches_at.push_back(r.samples.size());
    r.samples.push_back({t, charge, k});
    if (t >= o.hours) break;
    const double step = std::min(o.step_hours, o.hours - t);
    const double power_mj_per_hour = o.rate_hz * choices[k].energy_mj * 3600.0;
    const double left = capacity_mj - spent;
    if (power_mj_per_hour * step >= left && power_mj_per_hour > 0) {  // empties within this step
      const double until = left / power_mj_per_hour;
      accuracy_hours += choices[k].accuracy * until;
      t += until;
      spent = capacity_mj;
      r.emptied = true;
      r.samples.push_back({t, 0.0, k});
      break;
    }
    accuracy_hours += choices[k].accuracy * step;
    spent += power_mj_per_hour * step;
    t = std::min(o.hours, t + step);
  }
  r.hours_run = t;
  r.charge_left = std::max(0.0, 1.0 - spent / capacity_mj);
  r.energy_mj = spent;
  r.mean_accuracy = t > 0 ? accuracy_hours / t : choices[r.samples.front().active].accuracy;
  return r;
}

}  // namespace prpnas::deploy
