// Drawing architectures of a search space: the one home of sampling.
#ifndef PRPNAS_SPACE_SAMPLING_H_
#define PRPNAS_SPACE_SAMPLING_H_

#include <cstdint>
#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::space {

// `count` distinct architectures drawn uniformly (all of them if the space
// is smaller), from std::mt19937_64(seed).
std::vector<Architecture> distinct_sample(const SearchSpace& space, int64_t count, uint64_t seed);

}  // namespace prpnas::space

#endif  // PRPNAS_SPACE_SAMPLING_H_
