// Random search, the baseline every other search must beat at equal budget:
// valid architectures drawn uniformly among the alive choices of each
// decision (space::sample_alive), repeats skipped, until `budget` distinct
// ones are evaluated or every valid alive one is. Pure: no torch.
#ifndef PRPNAS_SEARCH_RANDOM_SEARCH_H_
#define PRPNAS_SEARCH_RANDOM_SEARCH_H_

#include <cstddef>
#include <cstdint>

#include "prpnas/search/estimator.h"
#include "prpnas/search/search_result.h"
#include "prpnas/space/search_space.h"

namespace prpnas::search {

// Draws with std::mt19937_64(seed), so a seed gives the same sequence with
// every standard library. Rejection of repeats makes each new architecture
// uniform among the unevaluated valid alive ones. Throws ConfigError for a
// bad mask, Error for a bad estimator vector (EvaluationCache).
SearchResult random_search(const space::SearchSpace& space, const space::ChoiceMask& alive,
                           const Estimator& estimator, std::size_t budget, std::uint64_t seed);

}  // namespace prpnas::search

#endif  // PRPNAS_SEARCH_RANDOM_SEARCH_H_
