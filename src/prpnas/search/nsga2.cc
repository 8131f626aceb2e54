#include "prpnas/search/nsga2.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "prpnas/pareto/ranking.h"
#include "prpnas/search/crowding_distance.h"
#include "prpnas/search/evaluation_cache.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::search {
namespace {

using space::Architecture;

// Uniform in [0, 1) from the top 53 bits: the same on every standard library.
double uniform01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

struct Member {
  Architecture arch;
  std::vector<double> objectives;
  int rank = 0;
  double crowding = 0;
};

// Sets every member's Pareto rank and crowding distance within its front.
void assess(std::vector<Member>& members) {
  pareto::Points points;
  points.reserve(members.size());
  for (const Member& m : members) points.push_back(m.objectives);
  const std::vector<int> ranks = pareto::pareto_ranks(points);
  const int fronts = ranks.empty() ? 0 : *std::max_element(ranks.begin(), ranks.end());
  std::vector<std::vector<std::size_t>> by_front(fronts);
  for (std::size_t i = 0; i < members.size(); ++i) {
    members[i].rank = ranks[i];
    by_front[ranks[i] - 1].push_back(i);
  }
  for (const std::vector<std::size_t>& front : by_front) {
    pareto::Points front_points;
    for (std::size_t i : front) front_points.push_back(members[i].objectives);
    const std::vector<double> crowding = crowding_distances(front_points);
    for (std::size_t j = 0; j < front.size(); ++j) members[front[j]].crowding = crowding[j];
  }
}

// Deb's crowded comparison; the earlier member on a full tie.
bool better(const Member& a, const Member& b) {
  return a.rank < b.rank || (a.rank == b.rank && a.crowding > b.crowding);
}

// The `size` best of `members` by crowded comparison, assessed among themselves.
std::vector<Member> select(std::vector<Member> members, std::size_t size) {
  assess(members);
  std::vector<std::size_t> order(members.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return better(members[a], members[b]) || (!better(members[b], members[a]) && a < b);
  });
  std::vector<Member> kept;
  for (std::size_t j = 0; j < std::min(size, order.size()); ++j) kept.push_back(std::move(members[order[j]]));
  // Ranks and distances among the survivors drive the next tournaments.
  assess(kept);
  return kept;
}

std::size_t tournament(const std::vector<Member>& population, std::mt19937_64& rng) {
  const std::size_t a = rng() % population.size();
  const std::size_t b = rng() % population.size();
  return better(population[b], population[a]) ? b : a;
}

// Each decision, with `probability`, to another alive choice (if it has one).
void mutate(Architecture& arch, const std::vector<std::vector<int>>& choices, double probability,
            std::mt19937_64& rng) {
  for (std::size_t d = 0; d < arch.size(); ++d) {
    if (!(uniform01(rng) < probability) || choices[d].size() < 2) continue;
    const auto current = std::find(choices[d].begin(), choices[d].end(), arch[d]) - choices[d].begin();
    // One of the n - 1 others, uniformly: skip over the current position.
    auto pick = static_cast<std::ptrdiff_t>(rng() % (choices[d].size() - 1));
    if (pick >= current) ++pick;
    arch[d] = choices[d][pick];
  }
}

// `crossed` mutated into a valid child (the rule in nsga2.h): an all-valid
// space draws exactly one mutation.
Architecture nsga2_child(const space::SearchSpace& space, const Architecture& crossed, const Architecture& parent,
                         const std::vector<std::vector<int>>& choices, double probability, std::mt19937_64& rng) {
  for (int tries = 0; tries < kNsga2MutationTries; ++tries) {
    Architecture child = crossed;
    mutate(child, choices, probability, rng);
    if (space.is_valid(child)) return child;
  }
  return parent;
}

}  // namespace

void Nsga2Options::check() const {
  if (population < 4 || population % 2 != 0) {
    throw ConfigError(fmt::format("nsga2 option population = {} must be an even number >= 4 "
                                  "(children are made in pairs)",
                                  population));
  }
  if (!(crossover_probability >= 0 && crossover_probability <= 1)) {
    throw ConfigError(
        fmt::format("nsga2 option crossover_probability = {} must be in [0, 1]", crossover_probability));
  }
  if (!(mutation_probability >= 0 && mutation_probability <= 1)) {
    throw ConfigError(fmt::format("nsga2 option mutation_probability = {} must be in [0, 1] "
                                  "(0 means 1 / number of decisions)",
                                  mutation_probability));
  }
}

SearchResult nsga2(const space::SearchSpace& space, const space::ChoiceMask& alive, const Estimator& estimator,
                   std::size_t budget, const Nsga2Options& options) {
  options.check();
  const std::uint64_t size = space::valid_alive_size(space, alive);  // checks the mask
  const int decisions = space.num_decisions();
  std::vector<std::vector<int>> choices(decisions);
  for (int d = 0; d < decisions; ++d) choices[d] = space::alive_choices(alive, d);
  const double mutation = options.mutation_probability > 0 ? options.mutation_probability
                          : decisions > 0                  ? 1.0 / decisions
                                                           : 0.0;

  EvaluationCache cache(estimator, budget);
  const auto done = [&] { return cache.exhausted() || cache.calls() >= size; };
  std::mt19937_64 rng(options.seed);

  // Before any generation the cache holds exactly the population.
  std::vector<Member> population;
  while (population.size() < options.population && !done()) {
    Architecture arch = space::sample_alive(space, alive, rng);
    if (cache.contains(arch)) continue;
    std::vector<double> objectives = *cache.evaluate(arch);
    population.push_back({std::move(arch), std::move(objectives)});
  }
  if (population.size() < options.population) return make_search_result(cache);
  population = select(std::move(population), options.population);

  std::size_t stalled = 0;
  while (!done() && stalled < kNsga2StallGenerations) {
    const std::size_t calls_before = cache.calls();
    std::set<Architecture> present;
    for (const Member& m : population) present.insert(m.arch);
    std::vector<Member> merged = population;
    for (std::size_t pair = 0; pair < options.population / 2 && !cache.exhausted(); ++pair) {
      const Architecture& parent_a = population[tournament(population, rng)].arch;
      const Architecture& parent_b = population[tournament(population, rng)].arch;
      Architecture a = parent_a, b = parent_b;
      if (uniform01(rng) < options.crossover_probability) {
        for (int d = 0; d < decisions; ++d) {
          if (uniform01(rng) < 0.5) std::swap(a[d], b[d]);
        }
      }
      a = nsga2_child(space, a, parent_a, choices, mutation, rng);
      b = nsga2_child(space, b, parent_b, choices, mutation, rng);
      for (Architecture* child : {&a, &b}) {
        if (present.count(*child) != 0) continue;
        std::optional<std::vector<double>> objectives = cache.evaluate(*child);
        if (!objectives) break;  // budget spent
        present.insert(*child);
        merged.push_back({std::move(*child), std::move(*objectives)});
      }
    }
    stalled = cache.calls() == calls_before ? stalled + 1 : 0;
    population = select(std::move(merged), options.population);
  }
  return make_search_result(cache);
}

}  // namespace prpnas::search
