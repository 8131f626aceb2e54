#include "prpnas/hw/energy_model.h"

#include <cmath>

#include <fmt/core.h>

#include "prpnas/util/error.h"

namespace prpnas::hw {

double model_energy_mj(double latency_ms, double power_watts) {
  if (!std::isfinite(power_watts) || power_watts <= 0) {
    throw ConfigError(fmt::format("energy model: power {} W must be a finite number above 0", power_watts));
  }
  if (!std::isfinite(latency_ms) || latency_ms < 0) {
    throw ConfigError(fmt::format("energy model: latency {} ms must be a finite number >= 0", latency_ms));
  }
  return power_watts * latency_ms;
}

}  // namespace prpnas::hw
