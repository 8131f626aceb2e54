// Axis ranges and ticks at "nice" values (1, 2 or 5 x 10^k), so labels read
// 0.2, 0.4, 0.6 rather than 0.173, 0.346. The axis is widened to the outer
// ticks, which therefore cover the data.
#ifndef PRPNAS_REPORT_AXIS_TICKS_H_
#define PRPNAS_REPORT_AXIS_TICKS_H_

#include <string>
#include <vector>

namespace prpnas::report {

struct Ticks {
  double lo = 0, hi = 1;            // the axis range: first and last tick
  std::vector<double> values;       // ascending; front() == lo, back() == hi
  std::vector<std::string> labels;  // one per value, no more digits than the step needs
};

// A linear axis covering [lo, hi] with at most about target + 1 ticks, every
// one a multiple of the step. A zero-length range is padded (by 10% of the
// value, or 1 around 0) so the axis has a length. Throws ConfigError when an
// end is not finite or lo > hi.
Ticks linear_ticks(double lo, double hi, int target = 6);

// A log axis covering [lo, hi] from one power of ten to another, ticks at the
// decades, plus 2 and 5 times them when the range spans at most two decades;
// many decades are thinned to about eight ticks. Throws ConfigError unless
// 0 < lo <= hi, both finite.
Ticks log_ticks(double lo, double hi);

}  // namespace prpnas::report

#endif  // PRPNAS_REPORT_AXIS_TICKS_H_
