// What a search returns: every architecture it evaluated (each once, in
// evaluation order) with its minimised objective vector, and the
// non-dominated ones among them. The front is over everything evaluated, not
// only the last population, so no search loses a point it paid for.
#ifndef PRPNAS_SEARCH_SEARCH_RESULT_H_
#define PRPNAS_SEARCH_SEARCH_RESULT_H_

#include <cstddef>
#include <vector>

#include "prpnas/search/evaluation_cache.h"
#include "prpnas/space/search_space.h"

namespace prpnas::search {

struct SearchResult {
  std::vector<space::Architecture> evaluated;        // distinct, evaluation order
  std::vector<std::vector<double>> objectives;       // minimised, same order
  std::vector<space::Architecture> front;            // Pareto rank 1 among evaluated (ties all kept), evaluation order
  std::size_t calls = 0;                             // estimator calls = evaluated.size()
};

// The result of everything `cache` evaluated (pareto::non_dominated).
SearchResult make_search_result(const EvaluationCache& cache);

}  // namespace prpnas::search

#endif  // PRPNAS_SEARCH_SEARCH_RESULT_H_
