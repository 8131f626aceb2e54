// The "surrogate" baseline: a regressor of accuracy fitted on a few queried
// cells, searched by NSGA-II instead of the true accuracy, its best cells
// then queried for real. It asks whether a cheap model of accuracy spends a
// query budget better than random_search or nsga2 on the true estimator.
//
// Objective 0 of the estimator (the negated accuracy) is the expensive part,
// and the budget counts its queries. Objectives 1.. are costs, taken to be
// cheap (a latency lookup table, a cost table): the surrogate asks the true
// estimator for them on every cell NSGA-II visits, and those calls are NOT
// counted in the budget or in the result. Use this search only with an
// estimator whose calls are cheap (a tabular benchmark, a cost table), or
// whose accuracy part is what the budget stands for.
//
// The steps, for a budget B:
//  1. Training: n = max(1, floor(training_share * B)) (at most B) queries
//     drawn as random_search(space, alive, estimator, n, seed) draws them.
//  2. An AdditiveRegressor fitted on objective 0 of the training cells
//     (those where it is infinite, i.e. unusable, left out).
//  3. nsga2 with options.nsga2 (its own seed included) and a budget of
//     surrogate_evaluations, on the surrogate vector
//     {regressor.predict(arch), estimator(arch)[1], ...}.
//  4. Candidates: the architectures that run evaluated, by Pareto rank of
//     their surrogate vectors (its front first), ties in its evaluation
//     order. Those not yet queried are queried with the true estimator, in
//     that order, until B queries are spent or the candidates run out.
// The result holds every truly queried architecture with its true vector
// (training first), so result.calls <= B; it is below B only when the space
// or the NSGA-II run offer fewer new architectures than the queries left.
//
// Deterministic for `seed` and nsga2.seed with every standard library
// (random_search and nsga2 are; the fit has no randomness): set both to vary
// a run as a whole. Pure: no torch.
#ifndef PRPNAS_SEARCH_SURROGATE_SEARCH_H_
#define PRPNAS_SEARCH_SURROGATE_SEARCH_H_

#include <cstddef>
#include <cstdint>
#include <optional>

#include "prpnas/search/additive_regressor.h"
#include "prpnas/search/estimator.h"
#include "prpnas/search/nsga2.h"
#include "prpnas/search/search_result.h"
#include "prpnas/space/search_space.h"

namespace prpnas::search {

struct SurrogateSearchOptions {
  double training_share = 0.5;               // share of the budget spent on random training queries
  Nsga2Options nsga2;                        // the search on the surrogate, seed included
  std::size_t surrogate_evaluations = 5000;  // nsga2 budget on the surrogate (not true queries)
  double ridge = 1e-3;                       // AdditiveRegressor::fit
  std::uint64_t seed = 0;                    // the training draws (random_search)

  // Throws ConfigError naming the field: training_share in (0, 1], nsga2
  // valid (Nsga2Options::check), surrogate_evaluations >= 1, ridge finite >= 0.
  void check() const;
};

// Throws ConfigError for bad options or mask; Error for a bad estimator
// vector (EvaluationCache), or one whose length changes between calls;
// DataError when objective 0 is infinite for every training cell.
// `fitted`, when given, receives the regressor of step 2 (left empty when the
// training queries spent the whole budget or space and none was fitted), so
// that a caller can judge the surrogate as a ranker.
SearchResult surrogate_search(const space::SearchSpace& space, const space::ChoiceMask& alive,
                              const Estimator& estimator, std::size_t budget, const SurrogateSearchOptions& options,
                              std::optional<AdditiveRegressor>* fitted = nullptr);

}  // namespace prpnas::search

#endif  // PRPNAS_SEARCH_SURROGATE_SEARCH_H_
