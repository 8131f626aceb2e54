#include "prpnas/space/enumeration.h"

#include <limits>
#include <string>

#include "prpnas/util/error.h"

namespace prpnas::space {

namespace {

std::uint64_t count_combinations(const SearchSpace& space) {
  std::uint64_t total = 1;
  for (int d = 0; d < space.num_decisions(); ++d) {
    const std::uint64_t n = space.choices(d).size();
    if (n != 0 && total > std::numeric_limits<std::uint64_t>::max() / n) {
      throw ConfigError("search space '" + std::string(space.name()) +
                        "' has more than 2^64 architectures; it cannot be enumerated");
    }
    total *= n;
  }
  return total;
}

}  // namespace

Enumeration::Enumeration(const SearchSpace& space) : space_(space), size_(count_combinations(space)) {}

std::uint64_t Enumeration::index(const Architecture& arch) const {
  space_.check(arch);
  std::uint64_t index = 0;
  for (int d = 0; d < space_.num_decisions(); ++d) index = index * space_.choices(d).size() + arch[d];
  return index;
}

Architecture Enumeration::at(std::uint64_t index) const {
  if (index >= size_) {
    throw ConfigError("architecture index " + std::to_string(index) + " is out of range: search space '" +
                      std::string(space_.name()) + "' has " + std::to_string(size_) + " architectures (0.." +
                      std::to_string(size_ - 1) + ")");
  }
  // Digits come out least significant first, i.e. from the last decision.
  Architecture arch(space_.num_decisions());
  for (int d = space_.num_decisions() - 1; d >= 0; --d) {
    const std::uint64_t n = space_.choices(d).size();
    arch[d] = static_cast<int>(index % n);
    index /= n;
  }
  return arch;
}

}  // namespace prpnas::space
