#include "prpnas/train/pool_rank_step.h"

#include <algorithm>

#include "prpnas/pareto/ranking.h"
#include "prpnas/space/choice_mask.h"

namespace prpnas::train {

std::optional<PoolRankStep> pool_rank_step(AlphaTrainer& alpha, space::ChoiceMask& alive,
                                           const std::vector<space::Architecture>& pool,
                                           const pareto::Points& points, std::mt19937_64& rng, int prune_every,
                                           double prune_worst_fraction) {
  std::vector<std::size_t> usable;
  for (std::size_t i = 0; i < pool.size(); ++i) {
    if (space::uses_only_alive(alive, pool[i])) usable.push_back(i);
  }
  if (usable.size() < static_cast<std::size_t>(alpha.options().top_n)) return std::nullopt;
  const std::size_t k = std::min<std::size_t>(alpha.options().samples, usable.size());
  for (std::size_t i = 0; i < k; ++i) std::swap(usable[i], usable[i + rng() % (usable.size() - i)]);
  std::vector<space::Architecture> sample;
  pareto::Points sample_points;
  for (std::size_t i = 0; i < k; ++i) {
    sample.push_back(pool[usable[i]]);
    sample_points.push_back(points[usable[i]]);
  }
  const std::vector<int> ranks = pareto::pareto_ranks(sample_points);
  PoolRankStep step{alpha.step(sample, ranks, alive), {}};
  if (prune_every > 0 && alpha.steps() % prune_every == 0) {
    step.pruned = prune_worst(alive, sample, ranks, prune_worst_fraction);
  }
  return step;
}

}  // namespace prpnas::train
