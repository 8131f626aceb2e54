// Energy where nothing measures it: a constant power draw over the latency,
// mJ = W x ms (1 W for 1 ms is 1 mJ). EnergySource records which way energy
// was obtained (RAPL or this model), for the metadata of a run's output.
#ifndef PRPNAS_HW_ENERGY_MODEL_H_
#define PRPNAS_HW_ENERGY_MODEL_H_

#include <string>

namespace prpnas::hw {

// Throws ConfigError unless latency_ms >= 0 and power_watts > 0, both finite.
double model_energy_mj(double latency_ms, double power_watts);

struct EnergySource {
  std::string kind;         // "rapl" (measured package energy) or "model" (power_watts x latency)
  double power_watts = 0;   // the model's power; 0 for "rapl"
  std::string description;  // one line for people, e.g. why RAPL was not used
};

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_ENERGY_MODEL_H_
