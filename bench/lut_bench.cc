// The LUT estimate of an architecture is a table lookup: fixed + one entry per
// decision. Measured here so the "microseconds" claim is a number.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "prpnas/space/cost_table.h"
#include "prpnas/space/sampling.h"
#include "prpnas/space/search_space.h"

namespace {

void BM_LutEstimateNb201(benchmark::State& state) {
  const auto space = prpnas::space::make_search_space("nb201");
  std::mt19937_64 rng(1);
  prpnas::space::CostTable lut;
  lut.fixed = 0.4;
  for (int d = 0; d < space->num_decisions(); ++d) {
    lut.choice.emplace_back();
    for (std::size_t c = 0; c < space->choices(d).size(); ++c) lut.choice.back().push_back((rng() % 1000) * 1e-3);
  }
  std::vector<prpnas::space::Architecture> archs;
  for (int i = 0; i < 1024; ++i) archs.push_back(prpnas::space::sample_uniform(*space, rng));
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(lut.cost(archs[i++ & 1023]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LutEstimateNb201);

}  // namespace
