#include "prpnas/space/search_space.h"

#include <limits>
#include <string>

#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"

namespace prpnas::space {

std::uint64_t SearchSpace::size() const {
  std::uint64_t total = 1;
  for (int d = 0; d < num_decisions(); ++d) {
    const std::uint64_t n = choices(d).size();
    // A space too large to count could not be indexed either.
    if (n != 0 && total > std::numeric_limits<std::uint64_t>::max() / n) {
      throw ConfigError("search space '" + std::string(name()) +
                        "' has more than 2^64 architectures; it cannot be indexed");
    }
    total *= n;
  }
  return total;
}

std::uint64_t SearchSpace::index(const Architecture& arch) const {
  check(arch);
  std::uint64_t index = 0;
  for (int d = 0; d < num_decisions(); ++d) index = index * choices(d).size() + arch[d];
  return index;
}

Architecture SearchSpace::at(std::uint64_t index) const {
  const std::uint64_t total = size();
  if (index >= total) {
    throw ConfigError("architecture index " + std::to_string(index) + " is out of range: search space '" +
                      std::string(name()) + "' has " + std::to_string(total) + " architectures (0.." +
                      std::to_string(total - 1) + ")");
  }
  // Digits come out least significant first, i.e. from the last decision.
  Architecture arch(num_decisions());
  for (int d = num_decisions() - 1; d >= 0; --d) {
    const std::uint64_t n = choices(d).size();
    arch[d] = static_cast<int>(index % n);
    index /= n;
  }
  return arch;
}

Architecture SearchSpace::sample(std::mt19937_64& rng) const {
  // Independent uniform choices give the uniform distribution over the product.
  Architecture arch(num_decisions());
  for (int d = 0; d < num_decisions(); ++d) {
    std::uniform_int_distribution<int> choice(0, static_cast<int>(choices(d).size()) - 1);
    arch[d] = choice(rng);
  }
  return arch;
}

ChoiceMask SearchSpace::full_mask() const {
  ChoiceMask mask(num_decisions());
  for (int d = 0; d < num_decisions(); ++d) mask[d].assign(choices(d).size(), true);
  return mask;
}

void SearchSpace::check(const Architecture& arch) const {
  if (static_cast<int>(arch.size()) != num_decisions()) {
    throw ParseError("architecture has " + std::to_string(arch.size()) + " choices but search space '" +
                     std::string(name()) + "' has " + std::to_string(num_decisions()) + " decisions");
  }
  for (int d = 0; d < num_decisions(); ++d) {
    const int n = static_cast<int>(choices(d).size());
    if (arch[d] < 0 || arch[d] >= n) {
      throw ParseError("architecture choice " + std::to_string(arch[d]) + " for decision " + std::to_string(d) +
                       " (" + decision_name(d) + ") of search space '" + std::string(name()) +
                       "' is out of range 0.." + std::to_string(n - 1));
    }
  }
}

std::unique_ptr<SearchSpace> make_search_space(std::string_view name) {
  if (name == "nb201") return std::make_unique<Nb201Space>();
  throw ConfigError("unknown search space '" + std::string(name) + "' (known: nb201)");
}

}  // namespace prpnas::space
