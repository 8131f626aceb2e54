// What a latency measurement needs besides the network: space, batch,
// repetitions, threads, device name and the power of the energy model; and
// the recorder around one measurement that says whether RAPL measured the
// power or the model assumed it. `lut measure`, `latency measure` and a
// training run's own LUT share it.
#ifndef PRPNAS_HW_MEASUREMENT_RECORDER_H_
#define PRPNAS_HW_MEASUREMENT_RECORDER_H_

#include <string>

#include "prpnas/hw/measurement_setup.h"
#include "prpnas/hw/network_latency.h"
#include "prpnas/hw/rapl_meter.h"

namespace prpnas::hw {

struct MeasurementOptions {
  std::string space = "nb201";
  LatencyOptions latency;
  int threads = 1;
  std::string device;       // empty: the CPU model
  double power_watts = 15;  // energy model when RAPL is not readable
};

// Around one measurement: the constructor checks the options, sets libtorch's
// threads and starts RAPL's counters when readable; complete() fills the rest
// of the setup: preset, device, libraries, date, and energy (the average
// package power RAPL saw over the measurement, else the model's power).
class MeasurementRecorder {
 public:
  MeasurementRecorder(const MeasurementOptions& options, std::string preset);
  void complete(MeasurementSetup& setup) const;

 private:
  const MeasurementOptions& options_;
  std::string preset_;
  RaplMeter rapl_;
  RaplSample start_;
};

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_MEASUREMENT_RECORDER_H_
