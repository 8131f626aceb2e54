// An estimator maps an architecture to its objective vector, every objective
// already minimised (pareto::to_minimized: accuracy negated, costs as they
// are), in a fixed order. Supernet accuracy + latency table, a tabular
// benchmark, or a synthetic problem all fit; search algorithms only see this.
#ifndef PRPNAS_SEARCH_ESTIMATOR_H_
#define PRPNAS_SEARCH_ESTIMATOR_H_

#include <functional>
#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::search {

using Estimator = std::function<std::vector<double>(const space::Architecture&)>;

}  // namespace prpnas::search

#endif  // PRPNAS_SEARCH_ESTIMATOR_H_
