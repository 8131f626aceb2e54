// A list of architectures without repeats (`prpnas latency measure` times
// each architecture once).
#ifndef PRPNAS_RUN_DISTINCT_ARCHITECTURES_H_
#define PRPNAS_RUN_DISTINCT_ARCHITECTURES_H_

#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::run {

// The first occurrence of each architecture, in the order given.
std::vector<space::Architecture> distinct_architectures(const std::vector<space::Architecture>& archs);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_DISTINCT_ARCHITECTURES_H_
