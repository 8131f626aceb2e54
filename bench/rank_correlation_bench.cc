// Rank correlations at the sizes an estimator evaluation reaches.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstddef>
#include <random>
#include <vector>

#include "prpnas/pareto/rank_correlation.h"

namespace {

// Correlated pairs rounded to 3 decimals, so ties are common as in real
// accuracies; fixed seed so runs compare.
void make_pairs(std::size_t n, std::vector<double>& x, std::vector<double>& y) {
  std::mt19937_64 rng(20240601);
  std::normal_distribution<double> normal(0.0, 1.0);
  x.resize(n);
  y.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double truth = normal(rng);
    x[i] = std::round(truth * 1000.0) / 1000.0;
    y[i] = std::round((truth + 0.5 * normal(rng)) * 1000.0) / 1000.0;
  }
}

void BM_KendallTauB(benchmark::State& state) {
  std::vector<double> x, y;
  make_pairs(static_cast<std::size_t>(state.range(0)), x, y);
  for (auto _ : state) {
    benchmark::DoNotOptimize(prpnas::pareto::kendall_tau_b(x, y));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_KendallTauB)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

void BM_SpearmanRho(benchmark::State& state) {
  std::vector<double> x, y;
  make_pairs(static_cast<std::size_t>(state.range(0)), x, y);
  for (auto _ : state) {
    benchmark::DoNotOptimize(prpnas::pareto::spearman_rho(x, y));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SpearmanRho)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
