// Robust summary of repeated timings: the median and the median absolute
// deviation (MAD), which a few preempted runs on a shared machine do not move.
#ifndef PRPNAS_HW_TIMING_SUMMARY_H_
#define PRPNAS_HW_TIMING_SUMMARY_H_

#include <vector>

namespace prpnas::hw {

struct TimingSummary {
  double median_ms = 0;
  double mad_ms = 0;
  int samples = 0;
};

// Of any number of samples (0 gives all zeros).
TimingSummary summarize_timings(std::vector<double> samples_ms);

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_TIMING_SUMMARY_H_
