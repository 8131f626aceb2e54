#include "prpnas/space/sampling.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "prpnas/space/choice_mask.h"
#include "prpnas/util/error.h"

namespace prpnas::space {

namespace {

[[noreturn]] void throw_no_valid_draw(const SearchSpace& space, const char* among) {
  throw Error("search space '" + std::string(space.name()) + "': " + std::to_string(kMaxInvalidDraws) +
              " draws in a row gave no valid architecture; " + among + " admit no valid architecture (or almost none)");
}

}  // namespace

Architecture sample_uniform(const SearchSpace& space, std::mt19937_64& rng) {
  Architecture arch(space.num_decisions());
  for (int tries = 0; tries < kMaxInvalidDraws; ++tries) {
    // Independent uniform choices give the uniform distribution over the
    // product; rejection keeps it uniform over the valid part.
    for (int d = 0; d < space.num_decisions(); ++d) {
      std::uniform_int_distribution<int> choice(0, static_cast<int>(space.choices(d).size()) - 1);
      arch[d] = choice(rng);
    }
    if (space.is_valid(arch)) return arch;
  }
  throw_no_valid_draw(space, "its choices");
}

Architecture sample_alive(const SearchSpace& space, const ChoiceMask& alive, std::mt19937_64& rng) {
  check_mask(space, alive);
  std::vector<std::vector<int>> choices(space.num_decisions());
  for (int d = 0; d < space.num_decisions(); ++d) choices[d] = alive_choices(alive, d);
  Architecture arch(space.num_decisions());
  for (int tries = 0; tries < kMaxInvalidDraws; ++tries) {
    for (int d = 0; d < space.num_decisions(); ++d) arch[d] = choices[d][rng() % choices[d].size()];
    if (space.is_valid(arch)) return arch;
  }
  throw_no_valid_draw(space, "the alive choices");
}

Architecture sample_mixed(const SearchSpace& space, double concentration, std::mt19937_64& rng) {
  if (!std::isfinite(concentration) || concentration <= 0) {
    throw Error("mixed sampling: the concentration must be a finite number above 0, not " +
                std::to_string(concentration));
  }
  std::map<std::string, double> weight;
  std::gamma_distribution<double> gamma(concentration, 1.0);
  for (int d = 0; d < space.num_decisions(); ++d) {
    for (const std::string& name : space.choices(d)) weight.emplace(name, 0.0);
  }
  Architecture arch(space.num_decisions());
  for (int tries = 0; tries < kMaxInvalidDraws; ++tries) {
    // Independent Gamma(a) weights normalised are a Dirichlet(a) draw; the
    // normalisation cancels in each decision's proportions, so it is skipped.
    for (auto& [name, w] : weight) w = gamma(rng);
    for (int d = 0; d < space.num_decisions(); ++d) {
      const std::vector<std::string>& names = space.choices(d);
      std::vector<double> w(names.size());
      for (std::size_t c = 0; c < names.size(); ++c) w[c] = weight.at(names[c]);
      const bool none = std::all_of(w.begin(), w.end(), [](double x) { return x <= 0; });
      if (none) std::fill(w.begin(), w.end(), 1.0);
      arch[d] = std::discrete_distribution<int>(w.begin(), w.end())(rng);
    }
    if (space.is_valid(arch)) return arch;
  }
  throw_no_valid_draw(space, "its choices");
}

std::vector<Architecture> distinct_sample(const SearchSpace& space, std::uint64_t count, std::uint64_t seed) {
  const std::uint64_t wanted = std::min(count, valid_alive_size(space, space.full_mask()));
  std::mt19937_64 rng(seed);
  std::set<Architecture> seen;
  std::vector<Architecture> archs;
  while (archs.size() < wanted) {
    Architecture arch = sample_uniform(space, rng);
    if (seen.insert(arch).second) archs.push_back(std::move(arch));
  }
  return archs;
}

std::vector<Architecture> distinct_working_sample(const SearchSpace& space, std::uint64_t count, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::set<Architecture> seen;
  std::vector<Architecture> archs;
  // Drawing nearly every cell of a space makes the last ones rare (coupon
  // collector): allow far more fruitless draws than cells wanted.
  const std::uint64_t limit = std::max<std::uint64_t>(kMaxInvalidDraws, 100 * count);
  std::uint64_t fruitless = 0;
  while (archs.size() < count) {
    Architecture arch = sample_uniform(space, rng);
    if (!seen.insert(arch).second || space.is_degenerate(arch)) {
      if (++fruitless >= limit) {
        throw Error("sampling: " + std::to_string(limit) + " draws in a row gave no new working " +
                    std::string(space.name()) + " architecture after " + std::to_string(archs.size()) +
                    "; the space has fewer than " + std::to_string(count));
      }
      continue;
    }
    fruitless = 0;
    archs.push_back(std::move(arch));
  }
  return archs;
}

}  // namespace prpnas::space
