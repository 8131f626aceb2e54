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

ChoiceMask path_mask(const SearchSpace& space, const Architecture& arch) {
  space.check(arch);
  ChoiceMask mask = space.full_mask();
  for (std::size_t d = 0; d < mask.size(); ++d) {
    for (std::size_t c = 0; c < mask[d].size(); ++c) mask[d][c] = static_cast<int>(c) == arch[d];
  }
  return mask;
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

std::uint64_t valid_alive_size(const SearchSpace& space, const ChoiceMask& alive) {
  const std::uint64_t total = alive_size(space, alive);
  if (total > kMaxValidityWalk) return total;
  const int decisions = space.num_decisions();
  std::vector<std::vector<int>> choices(decisions);
  for (int d = 0; d < decisions; ++d) choices[d] = alive_choices(alive, d);
  // An odometer over the alive choices, last decision fastest.
  std::vector<std::size_t> digit(decisions, 0);
  Architecture arch(decisions);
  std::uint64_t valid = 0;
  for (std::uint64_t i = 0; i < total; ++i) {
    for (int d = 0; d < decisions; ++d) arch[d] = choices[d][digit[d]];
    valid += space.is_valid(arch) ? 1 : 0;
    for (int d = decisions - 1; d >= 0 && ++digit[d] == choices[d].size(); --d) digit[d] = 0;
  }
  return valid;
}

}  // namespace prpnas::space
