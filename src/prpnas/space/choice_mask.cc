#include "prpnas/space/choice_mask.h"

#include <limits>
#include <string>

#include "prpnas/util/error.h"

namespace prpnas::space {

void check_mask(const SearchSpace& space, const ChoiceMask& alive) {
  if (static_cast<int>(alive.size()) != space.num_decisions()) {
    throw ConfigError("choice mask has " + std::to_string(alive.size()) + " rows but search space '" +
                      std::string(space.name()) + "' has " + std::to_string(space.num_decisions()) +
                      " decisions");
  }
  for (int d = 0; d < space.num_decisions(); ++d) {
    if (alive[d].size() != space.choices(d).size()) {
      throw ConfigError("choice mask row " + std::to_string(d) + " (" + space.decision_name(d) + ") has " +
                        std::to_string(alive[d].size()) + " entries but the decision has " +
                        std::to_string(space.choices(d).size()) + " choices");
    }
    if (alive_choices(alive, d).empty()) {
      throw ConfigError("choice mask row " + std::to_string(d) + " (" + space.decision_name(d) +
                        ") has no alive choice; every decision needs one");
    }
  }
}

std::vector<int> alive_choices(const ChoiceMask& alive, int decision) {
  std::vector<int> result;
  const std::vector<bool>& row = alive.at(decision);
  for (int c = 0; c < static_cast<int>(row.size()); ++c) {
    if (row[c]) result.push_back(c);
  }
  return result;
}

bool uses_only_alive(const ChoiceMask& alive, const Architecture& arch) {
  if (arch.size() != alive.size()) return false;
  for (std::size_t d = 0; d < arch.size(); ++d) {
    if (arch[d] < 0 || arch[d] >= static_cast<int>(alive[d].size()) || !alive[d][arch[d]]) return false;
  }
  return true;
}

Architecture sample_alive(const SearchSpace& space, const ChoiceMask& alive, std::mt19937_64& rng) {
  check_mask(space, alive);
  Architecture arch(space.num_decisions());
  for (int d = 0; d < space.num_decisions(); ++d) {
    const std::vector<int> choices = alive_choices(alive, d);
    arch[d] = choices[rng() % choices.size()];
  }
  return arch;
}

std::uint64_t alive_size(const SearchSpace& space, const ChoiceMask& alive) {
  check_mask(space, alive);
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t total = 1;
  for (int d = 0; d < space.num_decisions(); ++d) {
    const std::uint64_t n = alive_choices(alive, d).size();  // >= 1 after check_mask
    total = total > kMax / n ? kMax : total * n;
  }
  return total;
}

}  // namespace prpnas::space
