#include "prpnas/run/distinct_architectures.h"

#include <set>

namespace prpnas::run {

std::vector<space::Architecture> distinct_architectures(const std::vector<space::Architecture>& archs) {
  std::vector<space::Architecture> out;
  std::set<space::Architecture> seen;
  for (const auto& arch : archs) {
    if (seen.insert(arch).second) out.push_back(arch);
  }
  return out;
}

}  // namespace prpnas::run
