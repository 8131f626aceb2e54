#include "prpnas/eval/floor_rows.h"

#include <limits>

#include "prpnas/pareto/kendall_interval.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/train/methods/baselines.h"
#include "prpnas/train/run_objectives.h"
#include "prpnas/util/fnv1a.h"

namespace prpnas::eval {
namespace {

// A floor's row: its front among the shared candidates under `estimate`;
// NaN Kendall figures until set from judged cells.
template <typename Estimate>
MethodOutcome floor_outcome(const std::string& name, const space::SearchSpace& space,
                            const ExperimentInputs& inputs, Estimate estimate) {
  MethodOutcome o;
  o.method = name;  // o.run stays empty: there is no training run
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  o.kendall_tau_b = o.kendall_tau_b_accuracy = kNaN;
  o.kendall_ci = o.kendall_accuracy_ci = {kNaN, kNaN, kNaN};
  const std::vector<space::Architecture> candidates =
      train::shared_front_candidates(space, inputs.training, inputs.training_inputs.truth);
  const train::RunObjectives objectives(inputs.training_inputs.costs);
  pareto::Points points;
  for (const auto& arch : candidates) points.push_back(objectives.point(estimate(space.format(arch)), arch));
  for (std::size_t i : pareto::non_dominated(points)) o.front.push_back(space.format(candidates[i]));
  o.candidates = candidates.size();
  return o;
}

}  // namespace

double random_estimate(std::uint64_t seed, std::string_view arch) {
  std::uint64_t h = fnv1a(arch.data(), arch.size()) ^ seed * 0x9e3779b97f4a7c15ull;
  // splitmix64's finaliser, so that neighbouring seeds give unrelated draws.
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
  h ^= h >> 31;
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

MethodOutcome cost_only_outcome(const space::SearchSpace& space, const ExperimentInputs& inputs,
                                const JudgedCells& cells) {
  MethodOutcome o = floor_outcome("cost-only", space, inputs, [](const std::string&) { return 0.0; });
  if (cells.archs.empty()) return o;
  o.kendall_ci = pareto::pareto_rank_kendall_interval(cells.costs, cells.true_points());
  o.kendall_tau_b = o.kendall_ci.estimate;  // accuracy alone stays NaN: every estimate tied
  return o;
}

MethodOutcome random_estimates_outcome(const space::SearchSpace& space, const ExperimentInputs& inputs,
                                       const JudgedCells& cells) {
  const std::uint64_t seed = inputs.training.seed;
  MethodOutcome o = floor_outcome("random-estimates", space, inputs,
                                  [seed](const std::string& arch) { return random_estimate(seed, arch); });
  if (cells.archs.empty()) return o;
  std::vector<double> estimate;
  for (const auto& arch : cells.archs) estimate.push_back(random_estimate(seed, arch));
  o.kendall_ci = pareto::pareto_rank_kendall_interval(cells.points(estimate), cells.true_points());
  o.kendall_tau_b = o.kendall_ci.estimate;
  o.kendall_accuracy_ci = pareto::kendall_interval(estimate, cells.true_accuracy);
  o.kendall_tau_b_accuracy = o.kendall_accuracy_ci.estimate;
  return o;
}

}  // namespace prpnas::eval
