// PRP without a network: Steps 2 and 3 of the method driven by a tabular
// benchmark (docs/METHOD.md, "Tabular mode"). The budget is a number of
// distinct table queries, shared with NSGA-II and random search.
//
//   for each of `rounds` rounds:
//     query pool_queries / rounds new distinct architectures drawn uniformly
//       among the alive choices (pruning focuses later rounds);
//     `steps_per_round` alpha steps: S pool members that use only alive
//       choices, their Pareto ranks among themselves, one AlphaTrainer step;
//       every `prune_every` steps, prune_worst on that step's sample;
//   candidates from alpha (search/front_from_alpha.h), at most as many as
//   the queries left, are queried too.
// pool_queries = floor(training_share * budget). The result's front is the
// non-dominated set of everything queried; `alpha_front` that of the
// candidates alone (the method's own answer).
#ifndef PRPNAS_TRAIN_TABULAR_PRP_H_
#define PRPNAS_TRAIN_TABULAR_PRP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "prpnas/search/estimator.h"
#include "prpnas/search/front_from_alpha.h"
#include "prpnas/search/search_result.h"
#include "prpnas/space/search_space.h"
#include "prpnas/train/alpha_trainer.h"

namespace prpnas::train {

struct TabularPrpOptions {
  AlphaTrainerOptions alpha;
  int rounds = 4;
  double training_share = 0.5;
  int steps_per_round = 250;
  int prune_every = 50;              // alpha steps; 0 = no pruning
  double prune_worst_fraction = 0.5;
  search::FrontFromAlphaOptions front;  // max_candidates is capped by the queries left
  std::uint64_t seed = 0;

  // ConfigError naming the field: rounds >= 1, 0 < training_share <= 1,
  // steps_per_round >= 1, prune_every >= 0, 0 <= prune_worst_fraction <= 1,
  // and alpha.check(), front.check().
  void check() const;
};

struct TabularPrpResult {
  search::SearchResult search;                 // everything queried
  std::vector<space::Architecture> alpha_front;  // non-dominated alpha candidates
  std::size_t candidates = 0;                  // alpha candidates queried
  std::vector<std::vector<double>> alpha;      // [decision][choice] at the end
  space::ChoiceMask alive;                     // the mask at the end
  int pruned = 0;                              // choices pruned
  int64_t alpha_steps = 0;
};

TabularPrpResult tabular_prp(const space::SearchSpace& space, const search::Estimator& estimator,
                             std::size_t budget, const TabularPrpOptions& options);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_TABULAR_PRP_H_
