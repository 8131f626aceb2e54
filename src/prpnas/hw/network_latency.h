// Latency of the networks of any search space on this machine, at batch `batch` with libtorch's
// current number of threads, in eval mode without autograd:
//   measure_lut: a lookup table, timing every (decision, choice) op
//     and fixed part inside the supernet's single-path forward passes;
//   measure_latency: end-to-end forward time of stand-alone networks.
// Both discard `warmup` rounds first and interleave the things they time
// round by round, so slow drift of a shared machine hits all of them alike.
#ifndef PRPNAS_HW_NETWORK_LATENCY_H_
#define PRPNAS_HW_NETWORK_LATENCY_H_

#include <cstdint>
#include <cstdio>
#include <vector>

#include "prpnas/hw/latency_table.h"
#include "prpnas/hw/measured_latency.h"
#include "prpnas/hw/timing_summary.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/space/search_space.h"

namespace prpnas::hw {

struct LatencyOptions {
  int batch = 1;
  int repeats = 100;  // timed rounds
  int warmup = 10;    // untimed rounds first
  uint64_t seed = 0;  // order of the paths (LUT)

  // Throws ConfigError naming the option unless every value is >= 1 (warmup >= 0).
  void check() const;
};

// Each round draws, per decision, a random order of its choices and runs the
// m resulting paths (m = the widest decision's choices; narrower decisions
// cycle their order), so every op is timed at least once per round. An op's
// entry is the median over rounds of its time summed over the places it sits
// (NB201: cells); a choice named `none` is 0 (stand-alone networks do not
// build it); fixed parts are the supernet's, in forward order (NB201: stem,
// reduction1, reduction2, head), and "other" (forward time not inside any
// timed part). Fills the setup's space, network, batch, threads, repeats,
// warmup and seconds. `progress` may be null.
LatencyTable measure_lut(const nn::NetworkSpec& network, const LatencyOptions& options, std::FILE* progress);

// Each round runs every network once untimed (to warm its weights into the
// cache, as inside the LUT's loop), then three times timed, keeping the
// fastest: on a shared machine preemption only adds time, and the median over
// rounds then absorbs slower phases. Fills the setup like
// measure_lut.
MeasuredLatency measure_latency(const nn::NetworkSpec& network, const std::vector<space::Architecture>& archs,
                                const LatencyOptions& options, std::FILE* progress);

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_NETWORK_LATENCY_H_
