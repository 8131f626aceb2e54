#include "prpnas/space/search_space.h"

#include <algorithm>
#include <string>

#include "prpnas/space/chain_space.h"
#include "prpnas/space/darts_space.h"
#include "prpnas/space/mbconv_space.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"

namespace prpnas::space {

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

int widest_decision(const SearchSpace& space) {
  std::size_t widest = 0;
  for (int d = 0; d < space.num_decisions(); ++d) widest = std::max(widest, space.choices(d).size());
  return static_cast<int>(widest);
}

int fairness_width(const SearchSpace& space, const ChoiceMask& alive) {
  std::size_t width = 1;
  for (int d = 0; d < space.num_decisions() && d < static_cast<int>(alive.size()); ++d) {
    if (space.paces_fairness(d)) width = std::max<std::size_t>(width, std::count(alive[d].begin(), alive[d].end(), true));
  }
  return static_cast<int>(width);
}

int fairness_width(const SearchSpace& space) { return fairness_width(space, space.full_mask()); }

std::unique_ptr<SearchSpace> make_search_space(std::string_view name) {
  if (name == "nb201") return std::make_unique<Nb201Space>();
  if (name == "chain") return std::make_unique<ChainSpace>();
  if (name == "darts") return std::make_unique<DartsSpace>();
  if (name == "proxyless") return std::make_unique<MbConvSpace>("proxyless", proxyless_family());
  if (name == "mobilenetv2") return std::make_unique<MbConvSpace>("mobilenetv2", mobilenet_v2_family());
  if (name == "ofa") return std::make_unique<MbConvSpace>("ofa", ofa_family());
  throw ConfigError("unknown search space '" + std::string(name) +
                    "' (known: nb201, chain, darts, proxyless, mobilenetv2, ofa)");
}

}  // namespace prpnas::space
