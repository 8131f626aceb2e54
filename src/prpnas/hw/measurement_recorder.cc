#include "prpnas/hw/measurement_recorder.h"

#include <cmath>
#include <utility>

#include <fmt/core.h>

#include "prpnas/nn/compute_threads.h"
#include "prpnas/nn/torch_info.h"
#include "prpnas/space/search_space.h"
#include "prpnas/util/error.h"
#include "prpnas/util/thread_count.h"

namespace prpnas::hw {

MeasurementRecorder::MeasurementRecorder(const MeasurementOptions& o, std::string preset)
    : options_(o), preset_(std::move(preset)) {
  space::make_search_space(o.space);  // ConfigError naming the known spaces
  check_thread_count(o.threads, "--threads");
  if (!(o.power_watts > 0) || !std::isfinite(o.power_watts)) {
    throw ConfigError(fmt::format("--power-watts {}: must be a positive number of watts", o.power_watts));
  }
  o.latency.check();
  nn::set_compute_threads(o.threads);
  if (rapl_.available()) start_ = rapl_.sample();
}

void MeasurementRecorder::complete(MeasurementSetup& setup) const {
  EnergySource source = rapl_.energy_source(options_.power_watts);
  if (rapl_.available() && setup.seconds > 0) {
    source.power_watts = rapl_.joules_between(start_, rapl_.sample()) / setup.seconds;
  }
  setup.preset = preset_;
  describe_this_machine(setup, options_.device, nn::torch_info());
  setup.energy = {{"source", source.kind}, {"power_watts", source.power_watts}, {"description", source.description}};
}

}  // namespace prpnas::hw
