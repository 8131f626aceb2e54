// A day of a battery-powered device that repeats one inference at a fixed
// rate, switching architectures by a policy (battery_policy.h): the paper's
// battery experiment (Section 5.4), computed rather than waited for. Pure.
//
// Energy per second is rate x the active architecture's energy per
// inference (mJ/s = mW); the battery holds capacity_mwh x 3.6 J. The time
// is stepped (the policy is asked at every step); within a step the power is
// constant, so the moment the battery empties is exact.
#ifndef PRPNAS_DEPLOY_BATTERY_SIMULATION_H_
#define PRPNAS_DEPLOY_BATTERY_SIMULATION_H_

#include <cstddef>
#include <vector>

#include "prpnas/deploy/battery_policy.h"

namespace prpnas::deploy {

struct SimulationOptions {
  double capacity_mwh = 0;
  double hours = 24;
  double rate_hz = 1;         // inferences per second
  double step_hours = 1.0 / 60;
};

struct SimulationSample {
  double hours = 0;
  double charge = 1;          // remaining fraction at `hours`
  std::size_t active = 0;     // the architecture run from here to the next sample
};

struct SimulationResult {
  std::vector<SimulationSample> samples;  // at 0, every step, and the moment it empties
  bool emptied = false;
  double hours_run = 0;        // until empty, else options.hours
  double charge_left = 0;      // at the end
  double energy_mj = 0;        // spent
  double mean_accuracy = 0;    // time-weighted over hours_run
  std::vector<std::size_t> switches_at;  // sample indices where the architecture changed
};

// Throws ConfigError for options out of range or no choices.
SimulationResult simulate_battery(const std::vector<Choice>& choices, const BatteryPolicy& policy,
                                  const SimulationOptions& options);

}  // namespace prpnas::deploy

#endif  // PRPNAS_DEPLOY_BATTERY_SIMULATION_H_
