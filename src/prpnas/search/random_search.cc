#include "prpnas/search/random_search.h"

#include <limits>
#include <random>

#include "prpnas/search/evaluation_cache.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/space/sampling.h"

namespace prpnas::search {

SearchResult random_search(const space::SearchSpace& space, const space::ChoiceMask& alive,
                           const Estimator& estimator, std::size_t budget, std::uint64_t seed) {
  const std::uint64_t size = space::valid_alive_size(space, alive);
  EvaluationCache cache(estimator, budget);
  std::mt19937_64 rng(seed);
  // Stop once everything alive and valid is evaluated: otherwise a budget
  // above that number would draw repeats forever.
  while (!cache.exhausted() && cache.calls() < size) cache.evaluate(space::sample_alive(space, alive, rng));
  return make_search_result(cache);
}

}  // namespace prpnas::search
