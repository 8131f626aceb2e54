// Our hypervolume against pagmo's on mutually non-dominated fronts.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <utility>

#include <pagmo/utils/hypervolume.hpp>

#include "prpnas/pareto/hypervolume.h"

namespace {

using prpnas::pareto::Point;
using prpnas::pareto::Points;

// n points on the positive part of the unit sphere: none dominates another
// (a point below another would be nearer the origin), and all strictly
// dominate the reference 1.1, as pagmo requires. Fixed seed, built once.
const Points& front(std::size_t d, std::size_t n) {
  static std::map<std::pair<std::size_t, std::size_t>, Points> cache;
  auto [it, fresh] = cache.try_emplace({d, n});
  if (fresh) {
    std::mt19937_64 rng(42);
    std::normal_distribution<double> normal;
    it->second.assign(n, Point(d));
    for (Point& p : it->second) {
      double norm = 0;
      for (double& v : p) {
        v = std::abs(normal(rng));
        norm += v * v;
      }
      for (double& v : p) v /= std::sqrt(norm);
    }
  }
  return it->second;
}

Point reference(std::size_t d) { return Point(d, 1.1); }

// Once per dimension, outside timing: ours must equal pagmo's.
void check_against_pagmo(std::size_t d, std::size_t n) {
  static std::set<std::size_t> checked;
  if (!checked.insert(d).second) return;
  const double ours = prpnas::pareto::hypervolume(front(d, n), reference(d));
  const double theirs = pagmo::hypervolume(front(d, n), false).compute(reference(d));
  if (std::abs(ours - theirs) > 1e-9 * std::abs(theirs)) {
    std::fprintf(stderr, "hypervolume mismatch in %zu-D, n=%zu: ours %.17g, pagmo %.17g\n", d, n, ours,
                 theirs);
    std::abort();
  }
}

template <std::size_t D>
void BM_Ours(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  check_against_pagmo(D, n);
  const Points& points = front(D, n);
  const Point ref = reference(D);
  for (auto _ : state) benchmark::DoNotOptimize(prpnas::pareto::hypervolume(points, ref));
}

template <std::size_t D>
void BM_Pagmo(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  check_against_pagmo(D, n);
  const pagmo::hypervolume hv(front(D, n), /*verify=*/false);
  const Point ref = reference(D);
  for (auto _ : state) benchmark::DoNotOptimize(hv.compute(ref));
}

void BM_HV2D_Ours(benchmark::State& state) { BM_Ours<2>(state); }
void BM_HV2D_Pagmo(benchmark::State& state) { BM_Pagmo<2>(state); }
void BM_HV3D_Ours(benchmark::State& state) { BM_Ours<3>(state); }
void BM_HV3D_Pagmo(benchmark::State& state) { BM_Pagmo<3>(state); }
void BM_HV4D_Ours(benchmark::State& state) { BM_Ours<4>(state); }
void BM_HV4D_Pagmo(benchmark::State& state) { BM_Pagmo<4>(state); }

BENCHMARK(BM_HV2D_Ours)->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HV2D_Pagmo)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HV3D_Ours)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HV3D_Pagmo)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HV4D_Ours)->Arg(100)->Arg(300)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HV4D_Pagmo)->Arg(100)->Arg(300)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
