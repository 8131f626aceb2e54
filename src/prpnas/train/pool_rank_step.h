// One Step-2 update of alpha from a pool of architectures whose objective
// vectors are known (a supernet's estimates, or table values), then Step 3
// when due: S pool members that use only alive choices are drawn without
// replacement, ranked by Pareto dominance among themselves, and drive one
// AlphaTrainer step; every `prune_every` alpha steps (0 = never) prune_worst
// runs on that sample. The supernet run and tabular PRP share it.
#ifndef PRPNAS_TRAIN_POOL_RANK_STEP_H_
#define PRPNAS_TRAIN_POOL_RANK_STEP_H_

#include <optional>
#include <random>
#include <vector>

#include "prpnas/pareto/point.h"
#include "prpnas/space/search_space.h"
#include "prpnas/train/alpha_trainer.h"
#include "prpnas/train/pruning.h"

namespace prpnas::train {

struct PoolRankStep {
  AlphaStepResult alpha;
  std::vector<PruneEvent> pruned;
};

// nullopt (alpha and mask untouched) when fewer than top_n pool members use
// only alive choices. `points` are minimised, one per pool member. Throws as
// AlphaTrainer::step and prune_worst do.
std::optional<PoolRankStep> pool_rank_step(AlphaTrainer& alpha, space::ChoiceMask& alive,
                                           const std::vector<space::Architecture>& pool,
                                           const pareto::Points& points, std::mt19937_64& rng, int prune_every,
                                           double prune_worst_fraction);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_POOL_RANK_STEP_H_
