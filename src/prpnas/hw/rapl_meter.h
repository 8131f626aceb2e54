// CPU package energy from Linux RAPL through the powercap sysfs tree:
// ROOT/intel-rapl:N/energy_uj counts microjoules and wraps to 0 past
// ROOT/intel-rapl:N/max_energy_range_uj. Only top-level package domains
// (intel-rapl:0, intel-rapl:1, ..., one per socket) are read: the subdomains
// (intel-rapl:0:0 core, dram, ...) are parts of a package, a top-level domain
// whose `name` is not package-N (psys: the whole platform) would count the
// packages twice, and intel-rapl-mmio:N is the same counter again.
// Many VMs have no powercap tree, and since Linux 5.10 energy_uj is readable by
// root only: the meter is then unavailable and why_unavailable() says why.
#ifndef PRPNAS_HW_RAPL_METER_H_
#define PRPNAS_HW_RAPL_METER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "prpnas/hw/energy_model.h"

namespace prpnas::hw {

// Every package counter at one moment, in the order of RaplMeter::domains().
struct RaplSample {
  std::vector<std::uint64_t> energy_uj;
};

// Microjoules from `before` to `after` of a counter that wraps to 0 past
// `max_range_uj`: at most one wrap is assumed (a package takes minutes to hours
// to go round; sample more often than that).
std::uint64_t counter_delta_uj(std::uint64_t before, std::uint64_t after, std::uint64_t max_range_uj);

class RaplMeter {
 public:
  // Finds the package domains under `root` and reads each once to check it.
  explicit RaplMeter(std::string root = "/sys/class/powercap");

  bool available() const { return why_unavailable_.empty(); }
  const std::string& why_unavailable() const { return why_unavailable_; }  // empty when available
  const std::vector<std::string>& domains() const { return domains_; }      // e.g. "intel-rapl:0"

  // Throws Error when unavailable or a counter cannot be read.
  RaplSample sample() const;
  // Sum over packages of the energy between two samples of this meter, in J,
  // each package's wrap handled on its own.
  double joules_between(const RaplSample& before, const RaplSample& after) const;
  // Sum of the package counters now, in J. It drops when a counter wraps, so
  // take differences with sample() and joules_between().
  double read_joules() const;

  // "rapl" naming the packages when available, else "model" at `model_power_watts`
  // with the reason RAPL was not used.
  EnergySource energy_source(double model_power_watts) const;

 private:
  std::string root_, why_unavailable_;
  std::vector<std::string> domains_;
  std::vector<std::uint64_t> max_range_uj_;
};

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_RAPL_METER_H_
