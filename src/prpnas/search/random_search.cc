#include "prpnas/search/random_search.h"

#include <limits>
#include <random>

#include "prpnas/search/evaluation_cache.h"
#include "prpnas/space/choice_mask.h"

namespace prpnas::search {

std::uint64_t alive_size(const space::SearchSpace& space, const space::ChoiceMask& alive) {
  space::check_mask(space, alive);
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t total = 1;
  for (int d = 0; d < space.num_decisions(); ++d) {
    const std::uint64_t n = space::alive_choices(alive, d).size();  // >= 1 after check_mask
    total = total > kMax / n ? kMax : total * n;
  }
  return total;
}

SearchResult random_search(const space::SearchSpace& space, const space::ChoiceMask& alive,
                           const Estimator& estimator, std::size_t budget, std::uint64_t seed) {
  const std::uint64_t size = alive_size(space, alive);
  EvaluationCache cache(estimator, budget);
  std::mt19937_64 rng(seed);
  // Stop once everything alive is evaluated: otherwise a budget above the
  // space's size would draw repeats forever.
  while (!cache.exhausted() && cache.calls() < size) cache.evaluate(space::sample_alive(space, alive, rng));
  return make_search_result(cache);
}

}  // namespace prpnas::search
