#include "prpnas/train/methods/baselines.h"

#include "prpnas/space/sampling.h"
#include "prpnas/train/supernet_run.h"

namespace prpnas::train {

StepResult fairness_weight_step(SupernetRun& run, LogRow& row) {
  const auto start = std::chrono::steady_clock::now();
  row[kPhase] = "fairness";
  StepResult result = fairness_step(*run.supernet, run.sgd, run.stream.next(), run.state.alive, run.state.rng);
  run.state.seconds.fairness += SupernetRun::seconds_since(start);
  return result;
}

std::vector<space::Architecture> shared_front_candidates(const space::SearchSpace& space,
                                                         const TrainingOptions& options,
                                                         const ScoredArchitectures& truth) {
  if (options.final_candidates == "truth") {
    std::vector<space::Architecture> candidates;
    for (const auto& arch : truth.archs) {
      if (static_cast<int>(candidates.size()) == options.final_sample) break;
      if (!space.is_degenerate(arch)) candidates.push_back(arch);
    }
    return candidates;
  }
  return space::distinct_sample(space, options.final_sample, options.seed + 1);
}

std::vector<space::Architecture> shared_front_candidates(SupernetRun& run) {
  return shared_front_candidates(run.space, run.options, run.inputs.truth);
}

StepPlan Fairnas::plan(const TrainingOptions& options, int widest) const {
  StepPlan plan;
  plan.fairness_steps = options.budget_images / (options.batch_size * widest);
  check_budget_buys(plan, options, widest, "fairness");
  return plan;
}

StepResult Fairnas::step(SupernetRun& run, LogRow& row) const { return fairness_weight_step(run, row); }

std::vector<space::Architecture> Fairnas::final_candidates(SupernetRun& run) const { return shared_front_candidates(run); }

StepPlan Spos::plan(const TrainingOptions& options, int widest) const {
  StepPlan plan;
  plan.single_path_steps = options.budget_images / options.batch_size;
  check_budget_buys(plan, options, widest, "SPOS");
  return plan;
}

StepResult Spos::step(SupernetRun& run, LogRow& row) const {
  const auto start = std::chrono::steady_clock::now();
  row[kPhase] = "spos";
  const Batch batch = run.stream.next();
  StepResult result = single_path_step(*run.supernet, run.sgd, batch, space::sample_alive(run.space, run.state.alive, run.state.rng));
  run.state.seconds.single_path += SupernetRun::seconds_since(start);
  return result;
}

std::vector<space::Architecture> Spos::final_candidates(SupernetRun& run) const { return shared_front_candidates(run); }

}  // namespace prpnas::train
