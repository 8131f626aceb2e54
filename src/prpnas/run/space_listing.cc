#include "prpnas/run/space_listing.h"

#include <random>
#include <set>
#include <string>

#include <fmt/core.h>

#include "prpnas/space/enumeration.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::run {

SpaceCounts count_space(const space::SearchSpace& s) {
  const space::Enumeration all(s);
  SpaceCounts counts{all.size(), 0, 0};
  if (s.every_combination_works()) return {all.size(), all.size(), 0};
  constexpr std::uint64_t kMaxWalk = 100'000'000;
  if (all.size() > kMaxWalk) {
    throw ConfigError(fmt::format("space '{}' has {} combinations, too many to count its valid ones one by one",
                                  s.name(), all.size()));
  }
  for (std::uint64_t i = 0; i < all.size(); ++i) {
    const space::Architecture arch = all.at(i);
    if (!s.is_valid(arch)) continue;
    ++counts.allowed;
    counts.degenerate += s.is_degenerate(arch) ? 1 : 0;
  }
  return counts;
}

void enumerate_architectures(const space::SearchSpace& s, bool skip_degenerate, const ArchitectureSink& emit) {
  const space::Enumeration all(s);
  for (std::uint64_t i = 0; i < all.size(); ++i) {
    const space::Architecture arch = all.at(i);
    if (s.is_valid(arch) && !(skip_degenerate && s.is_degenerate(arch))) emit(arch);
  }
}

void sample_architectures(const space::SearchSpace& s, const SampleRequest& r, const ArchitectureSink& emit) {
  if (r.unique) {
    const SpaceCounts counts = count_space(s);
    const std::uint64_t available = counts.allowed - (r.skip_degenerate ? counts.degenerate : 0);
    if (r.count > available) {
      throw ConfigError("cannot draw " + std::to_string(r.count) + " unique architectures: space '" +
                        std::string(s.name()) + "' has only " + std::to_string(available) +
                        (r.skip_degenerate ? " valid ones" : "") + "; lower -n or drop --unique");
    }
  }
  // Rejection keeps each draw uniform over what is allowed; even drawing the
  // whole of NB201 uniquely takes only about 15,625 * ln(15,625) tries.
  std::mt19937_64 rng(r.seed);
  std::set<space::Architecture> seen;
  for (std::uint64_t drawn = 0; drawn < r.count;) {
    const space::Architecture arch = r.mix > 0 ? space::sample_mixed(s, r.mix, rng) : space::sample_uniform(s, rng);
    if (r.skip_degenerate && s.is_degenerate(arch)) continue;
    if (r.unique && !seen.insert(arch).second) continue;
    emit(arch);
    ++drawn;
  }
}

}  // namespace prpnas::run
