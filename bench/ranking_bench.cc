// Our pareto_ranks against pagmo's fast non-dominated sorting (Deb's O(M N^2)
// algorithm) on uniform random points.
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <tuple>
#include <vector>

#include <benchmark/benchmark.h>
#include <pagmo/utils/multi_objective.hpp>

#include "prpnas/pareto/point.h"
#include "prpnas/pareto/ranking.h"

namespace prpnas::pareto {
namespace {

// Fixed seed so every run and every contender sees the same points.
Points uniform_points(std::size_t n, std::size_t dims) {
  std::mt19937 rng(20240611);
  std::uniform_real_distribution<double> value(0.0, 1.0);
  Points points(n, Point(dims));
  for (Point& p : points) {
    for (double& v : p) v = value(rng);
  }
  return points;
}

// pagmo's fronts are 0-based lists of indices; turn them into our ranks.
std::vector<int> pagmo_ranks(const Points& points) {
  const auto fronts = std::get<0>(pagmo::fast_non_dominated_sorting(points));
  std::vector<int> ranks(points.size(), 0);
  for (std::size_t f = 0; f < fronts.size(); ++f) {
    for (auto i : fronts[f]) ranks[i] = static_cast<int>(f) + 1;
  }
  return ranks;
}

// A speed comparison is only meaningful if both sides give the same answer.
void check_against_pagmo(const Points& points) {
  if (pareto_ranks(points) != pagmo_ranks(points)) {
    std::fprintf(stderr, "ranking_bench: our ranks differ from pagmo's for "
                         "%zu points with %zu objectives\n",
                 points.size(), points[0].size());
    std::abort();
  }
}

void run_ours(benchmark::State& state, std::size_t dims) {
  const Points points = uniform_points(state.range(0), dims);
  for (auto _ : state) {
    benchmark::DoNotOptimize(pareto_ranks(points));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void run_pagmo(benchmark::State& state, std::size_t dims) {
  const Points points = uniform_points(state.range(0), dims);
  if (state.range(0) == 1000) check_against_pagmo(points);
  for (auto _ : state) {
    benchmark::DoNotOptimize(pagmo::fast_non_dominated_sorting(points));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_Ranks2D_Ours(benchmark::State& state) { run_ours(state, 2); }
void BM_Ranks3D_Ours(benchmark::State& state) { run_ours(state, 3); }
void BM_Ranks2D_Pagmo(benchmark::State& state) { run_pagmo(state, 2); }
void BM_Ranks3D_Pagmo(benchmark::State& state) { run_pagmo(state, 3); }

BENCHMARK(BM_Ranks2D_Ours)->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Ranks3D_Ours)->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000)
    ->Unit(benchmark::kMillisecond);
// pagmo keeps, for every point, the list of points it dominates: O(N^2)
// memory. At N = 1e5 that is billions of indices (tens of GB), so pagmo stops
// at 1e4.
BENCHMARK(BM_Ranks2D_Pagmo)->Arg(1000)->Arg(10000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Ranks3D_Pagmo)->Arg(1000)->Arg(10000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace prpnas::pareto
