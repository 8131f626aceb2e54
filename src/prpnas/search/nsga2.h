// NSGA-II (Deb et al. 2002) over integer choice vectors, every objective
// minimised. The initial population is distinct uniform samples of valid
// architectures among alive choices (the first draws of random_search with
// the same seed). Each generation makes `population` children: parents by
// binary tournament on (Pareto rank, then larger crowding distance), uniform
// crossover, then each decision mutated with mutation_probability to a
// different alive choice, so a pruned (dead) choice is never used.
//
// Only valid architectures (SearchSpace::is_valid) are evaluated: while a
// child is invalid its mutation is redrawn from the crossed child, at most
// kNsga2MutationTries times in all; if none is valid the child is its own
// parent (a member, hence dropped below). A space where everything is valid
// draws no extra number.
//
// Children equal to a member of the population or to an earlier child of the
// generation are dropped; a child evaluated in an earlier generation costs
// nothing (EvaluationCache). Parents and children are merged and the next
// population is taken front by front (pareto_ranks), the last front by
// decreasing crowding distance.
//
// Stops when `budget` distinct architectures have been evaluated, when every
// valid alive one has (space::valid_alive_size), or after
// kNsga2StallGenerations generations in a row that evaluate no new
// architecture (converged; more generations would only cost time). The
// result holds every architecture evaluated, so its front is not limited to
// the last population.
//
// Deterministic for a seed with every standard library: std::mt19937_64,
// integers as rng() % n, reals as (rng() >> 11) * 2^-53, sorts with index
// tie-breaks. Pure: no torch.
#ifndef PRPNAS_SEARCH_NSGA2_H_
#define PRPNAS_SEARCH_NSGA2_H_

#include <cstddef>
#include <cstdint>

#include "prpnas/search/estimator.h"
#include "prpnas/search/search_result.h"
#include "prpnas/space/search_space.h"

namespace prpnas::search {

struct Nsga2Options {
  std::size_t population = 32;
  double crossover_probability = 0.9;  // per pair of parents
  double mutation_probability = 0;     // per decision; 0 means 1 / num_decisions
  std::uint64_t seed = 0;

  // Throws ConfigError naming the field: population even and >= 4,
  // probabilities in [0, 1].
  void check() const;
};

// Generations in a row without a new evaluation after which nsga2 stops.
inline constexpr std::size_t kNsga2StallGenerations = 50;

// Mutations drawn for one child before it falls back to its parent.
inline constexpr int kNsga2MutationTries = 20;

// Throws ConfigError for bad options or mask, Error for a bad estimator
// vector (EvaluationCache).
SearchResult nsga2(const space::SearchSpace& space, const space::ChoiceMask& alive, const Estimator& estimator,
                   std::size_t budget, const Nsga2Options& options = {});

}  // namespace prpnas::search

#endif  // PRPNAS_SEARCH_NSGA2_H_
