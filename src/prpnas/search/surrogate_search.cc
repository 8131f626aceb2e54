#include "prpnas/search/surrogate_search.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "prpnas/pareto/ranking.h"
#include "prpnas/search/additive_regressor.h"
#include "prpnas/search/evaluation_cache.h"
#include "prpnas/search/random_search.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/util/error.h"

namespace prpnas::search {

void SurrogateSearchOptions::check() const {
  if (!(training_share > 0 && training_share <= 1)) {
    throw ConfigError(fmt::format("surrogate option training_share = {} must be in (0, 1] "
                                  "(the share of the budget spent on random training queries)",
                                  training_share));
  }
  nsga2.check();
  if (surrogate_evaluations < 1) {
    throw ConfigError("surrogate option surrogate_evaluations = 0 must be >= 1 (the nsga2 budget on the surrogate)");
  }
  if (!(ridge >= 0) || !std::isfinite(ridge)) {
    throw ConfigError(fmt::format("surrogate option ridge = {} must be a finite number >= 0", ridge));
  }
}

SearchResult surrogate_search(const space::SearchSpace& space, const space::ChoiceMask& alive,
                              const Estimator& estimator, std::size_t budget, const SurrogateSearchOptions& options,
                              std::optional<AdditiveRegressor>* fitted) {
  options.check();
  if (fitted) fitted->reset();
  const std::uint64_t size = space::valid_alive_size(space, alive);  // checks the mask
  if (!estimator) throw Error("surrogate search: the estimator is empty; pass a callable");

  // 1. Training queries, exactly as random_search draws them.
  const auto share = static_cast<std::size_t>(std::floor(options.training_share * static_cast<double>(budget)));
  const std::size_t training = std::min(budget, std::max<std::size_t>(1, share));
  const SearchResult trained = random_search(space, alive, estimator, training, options.seed);

  // Every true query goes through one cache, which replays the training
  // queries from memory (no second call) and counts them against the budget.
  std::map<space::Architecture, std::vector<double>> known;
  for (std::size_t i = 0; i < trained.evaluated.size(); ++i) known.emplace(trained.evaluated[i], trained.objectives[i]);
  EvaluationCache cache(
      [&](const space::Architecture& arch) {
        const auto it = known.find(arch);
        return it != known.end() ? it->second : estimator(arch);
      },
      budget);
  for (const space::Architecture& arch : trained.evaluated) cache.evaluate(arch);
  if (cache.exhausted() || cache.calls() >= size) return make_search_result(cache);

  // 2. The surrogate of objective 0, on the cells where it is usable.
  std::vector<space::Architecture> fit_archs;
  std::vector<double> fit_targets;
  for (std::size_t i = 0; i < trained.evaluated.size(); ++i) {
    if (!std::isfinite(trained.objectives[i][0])) continue;
    fit_archs.push_back(trained.evaluated[i]);
    fit_targets.push_back(trained.objectives[i][0]);
  }
  if (fit_archs.empty()) {
    throw DataError(fmt::format("surrogate search: objective 0 is infinite for all {} training architectures; "
                                "nothing to fit the surrogate on (raise the budget or training_share)",
                                trained.evaluated.size()));
  }
  const AdditiveRegressor regressor = AdditiveRegressor::fit(space, fit_archs, fit_targets, options.ridge);
  if (fitted) fitted->emplace(regressor);

  // 3. NSGA-II on {predicted objective 0, true costs}; the costs are cheap by
  // assumption (surrogate_search.h), so these calls are not counted.
  const std::size_t objectives = trained.objectives[0].size();
  const Estimator surrogate = [&](const space::Architecture& arch) {
    std::vector<double> values = estimator(arch);
    if (values.size() != objectives) {
      throw Error(fmt::format("surrogate search: the estimator returned {} objectives for architecture {} "
                              "but {} for the training ones; it must return the same objectives every time",
                              values.size(), arch, objectives));
    }
    values[0] = regressor.predict(arch);
    return values;
  };
  const SearchResult proposed = nsga2(space, alive, surrogate, options.surrogate_evaluations, options.nsga2);

  // 4. Candidates by surrogate Pareto rank (rank 1 = proposed.front), ties in
  // evaluation order; already queried ones cost nothing and add nothing.
  if (proposed.evaluated.empty()) return make_search_result(cache);
  const std::vector<int> ranks = pareto::pareto_ranks(proposed.objectives);
  std::vector<std::size_t> order(proposed.evaluated.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
  for (std::size_t i : order) {
    if (cache.exhausted()) break;
    cache.evaluate(proposed.evaluated[i]);
  }
  return make_search_result(cache);
}

}  // namespace prpnas::search
