#include "prpnas/space/sampling.h"

#include <algorithm>
#include <random>
#include <set>

namespace prpnas::space {

std::vector<Architecture> distinct_sample(const SearchSpace& space, int64_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::set<Architecture> seen;
  std::vector<Architecture> archs;
  const int64_t wanted = std::min<int64_t>(count, static_cast<int64_t>(space.size()));
  while (static_cast<int64_t>(archs.size()) < wanted) {
    Architecture arch = space.sample(rng);
    if (seen.insert(arch).second) archs.push_back(std::move(arch));
  }
  return archs;
}

}  // namespace prpnas::space
