#include "prpnas/train/tabular_prp.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "prpnas/pareto/ranking.h"
#include "prpnas/search/evaluation_cache.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/space/sampling.h"
#include "prpnas/train/pool_rank_step.h"
#include "prpnas/util/error.h"

namespace prpnas::train {

void TabularPrpOptions::check() const {
  if (rounds < 1) throw ConfigError("tabular PRP: rounds must be >= 1");
  if (!(training_share > 0 && training_share <= 1)) {
    throw ConfigError("tabular PRP: training_share must be in (0, 1]");
  }
  if (steps_per_round < 1) throw ConfigError("tabular PRP: steps_per_round must be >= 1");
  if (prune_every < 0) throw ConfigError("tabular PRP: prune_every must be >= 0 (0 = no pruning)");
  if (!(prune_worst_fraction >= 0 && prune_worst_fraction <= 1)) {
    throw ConfigError("tabular PRP: prune_worst_fraction must be in [0, 1]");
  }
  alpha.check();
  front.check();
}

TabularPrpResult tabular_prp(const space::SearchSpace& space, const search::Estimator& estimator,
                             std::size_t budget, const TabularPrpOptions& options) {
  options.check();
  search::EvaluationCache cache(estimator, budget);
  AlphaTrainer alpha(space, options.alpha);
  TabularPrpResult result;
  result.alive = space.full_mask();
  std::mt19937_64 rng(options.seed);

  const std::size_t pool_queries = static_cast<std::size_t>(std::floor(options.training_share * budget));
  std::vector<space::Architecture> pool;
  pareto::Points points;
  for (int round = 0; round < options.rounds; ++round) {
    // Round r ends with (r+1)/rounds of the pool's queries spent.
    const std::size_t target = pool_queries * (round + 1) / options.rounds;
    const std::uint64_t alive_size = space::valid_alive_size(space, result.alive);
    std::size_t alive_in_pool = 0;
    for (const auto& arch : pool) alive_in_pool += space::uses_only_alive(result.alive, arch);
    while (cache.calls() < target && alive_in_pool < alive_size) {
      space::Architecture arch = space::sample_alive(space, result.alive, rng);
      if (cache.contains(arch)) continue;
      points.push_back(*cache.evaluate(arch));
      pool.push_back(std::move(arch));
      ++alive_in_pool;
    }
    for (int s = 0; s < options.steps_per_round; ++s) {
      const std::optional<PoolRankStep> step = pool_rank_step(alpha, result.alive, pool, points, rng,
                                                              options.prune_every, options.prune_worst_fraction);
      if (!step) break;
      result.pruned += static_cast<int>(step->pruned.size());
    }
  }

  // The method's answer: alpha's candidates, as many as the queries left pay for.
  search::FrontFromAlphaOptions front = options.front;
  const std::size_t left = budget - std::min(budget, cache.calls());
  front.max_candidates = std::max<std::size_t>(1, std::min(front.max_candidates, left));
  result.alpha = alpha.alpha_values();
  std::vector<space::Architecture> candidates = alpha_candidates(result.alpha, result.alive, front);
  pareto::Points candidate_points;
  std::vector<space::Architecture> queried;
  for (const auto& arch : candidates) {
    const std::optional<std::vector<double>> point = cache.evaluate(arch);
    if (!point) continue;  // budget spent: the candidate stays unknown
    queried.push_back(arch);
    candidate_points.push_back(*point);
  }
  result.candidates = queried.size();
  for (std::size_t i : pareto::non_dominated(candidate_points)) result.alpha_front.push_back(queried[i]);
  result.alpha_steps = alpha.steps();
  result.search = search::make_search_result(cache);
  return result;
}

}  // namespace prpnas::train
