#include "prpnas/search/search_result.h"

#include "prpnas/pareto/ranking.h"

namespace prpnas::search {

SearchResult make_search_result(const EvaluationCache& cache) {
  SearchResult result;
  result.evaluated = cache.architectures();
  result.objectives = cache.objectives();
  result.calls = cache.calls();
  for (std::size_t i : pareto::non_dominated(result.objectives)) result.front.push_back(result.evaluated[i]);
  return result;
}

}  // namespace prpnas::search
