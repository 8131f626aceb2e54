#include "prpnas/train/methods/prp.h"

#include <algorithm>
#include <limits>

#include <fmt/core.h>

#include "prpnas/space/sampling.h"
#include "prpnas/search/front_from_alpha.h"
#include "prpnas/train/checkpoint.h"
#include "prpnas/train/methods/baselines.h"
#include "prpnas/train/pool_rank_step.h"
#include "prpnas/train/supernet_run.h"
#include "prpnas/util/error.h"
#include "prpnas/util/number_cell.h"

namespace prpnas::train {

space::Architecture argmax_path(const std::vector<std::vector<double>>& alpha, const space::ChoiceMask& alive) {
  space::Architecture path(alive.size());
  for (std::size_t d = 0; d < alive.size(); ++d) {
    int best = -1;
    for (std::size_t c = 0; c < alive[d].size(); ++c) {
      if (alive[d][c] && (best < 0 || alpha[d][c] > alpha[d][best])) best = static_cast<int>(c);
    }
    path[d] = best;
  }
  return path;
}

space::Architecture best_valid_path(const SupernetRun& run) {
  const auto alpha = run.alpha.alpha_values();
  space::Architecture path = argmax_path(alpha, run.state.alive);
  if (run.space.is_valid(path)) return path;
  std::vector<space::Architecture> options =
      search::alpha_candidates(alpha, run.state.alive, run.options.front);
  std::erase_if(options, [&](const auto& a) { return !run.space.is_valid(a); });
  if (options.empty()) {
    std::mt19937_64 rng(run.options.seed + static_cast<uint64_t>(run.state.step));  // not the run's engine
    for (int i = 0; i < 256; ++i) options.push_back(space::sample_alive(run.space, run.state.alive, rng));
  }
  const std::vector<double> score = run.alpha.predicted_scores(options);
  return options[std::max_element(score.begin(), score.end()) - score.begin()];
}

std::vector<space::Architecture> valid_alpha_candidates(const SupernetRun& run) {
  std::vector<space::Architecture> candidates =
      search::alpha_candidates(run.alpha.alpha_values(), run.state.alive, run.options.front);
  std::erase_if(candidates, [&](const auto& a) { return !run.space.is_valid(a); });
  if (candidates.empty()) candidates.push_back(best_valid_path(run));
  return candidates;
}

StepPlan Prp::plan(const TrainingOptions& options, int widest) const {
  const int64_t fair_cost = options.batch_size * widest, single_cost = options.batch_size * task_paths();
  StepPlan plan;
  plan.fairness_steps = static_cast<int64_t>(options.fairness_share * options.budget_images) / fair_cost;
  plan.single_path_steps = (options.budget_images - plan.fairness_steps * fair_cost) / single_cost;
  if (plan.single_path_steps < 1) {
    throw ConfigError(fmt::format("training.fairness_share = {} leaves no Step 2 iteration in {} images; "
                                  "lower it or raise training.budget_images",
                                  options.fairness_share, options.budget_images));
  }
  check_budget_buys(plan, options, widest, "fairness");
  return plan;
}

void Prp::before_step(SupernetRun& run) const {
  if (!run.in_step2() || !run.state.pool.empty()) return;
  build_pool(run);
  save_checkpoint(run, /*also_as_step1=*/true);
}

// The rank source of Step 2: a table, or rank_pool unique architectures
// judged by the supernet as Step 1 left it.
void Prp::build_pool(SupernetRun& run) const {
  const auto start = std::chrono::steady_clock::now();
  if (!run.inputs.rank_table.empty()) {
    run.set_pool(run.inputs.rank_table);
  } else {
    ScoredArchitectures pool;
    pool.archs = run.options.pool_degenerate
                     ? space::distinct_sample(run.space, run.options.rank_pool, run.options.seed)
                     : space::distinct_working_sample(run.space, run.options.rank_pool, run.options.seed);
    run.say(fmt::format("Step 2 ranks with the supernet: evaluating a pool of {} architectures", pool.archs.size()));
    pool.accuracy = run.accuracies(pool.archs);
    run.set_pool(std::move(pool));
  }
  run.state.seconds.evaluation += SupernetRun::seconds_since(start);
}

StepResult Prp::step(SupernetRun& run, LogRow& row) const {
  if (run.state.step < run.plan.fairness_steps) return fairness_weight_step(run, row);
  const auto start = std::chrono::steady_clock::now();
  row[kPhase] = "pareto-rank";
  const Batch batch = run.stream.next();
  StepResult result = task_step(run, batch);
  run.state.seconds.single_path += SupernetRun::seconds_since(start);
  const auto rank_start = std::chrono::steady_clock::now();
  rank_step(run, row);
  run.state.seconds.rank += SupernetRun::seconds_since(rank_start);
  return result;
}

// Step 2's alpha update on S pool members that use only alive choices,
// then Step 3 every prune_every alpha steps.
void Prp::rank_step(SupernetRun& run, LogRow& row) const {
  const std::optional<PoolRankStep> step =
      pool_rank_step(run.alpha, run.state.alive, run.state.pool.archs, run.pool_points, run.state.rng,
                     prune_every(run.options), run.options.prune_worst_fraction);
  if (!step) return;  // too few pool members left to rank: alpha stays
  row[kHinge] = number_cell(step->alpha.hinge);
  row[kListnet] = number_cell(step->alpha.listnet);
  row[kAlphaLoss] = number_cell(step->alpha.total);
  for (const PruneEvent& e : step->pruned) {
    run.state.pruned_at[e.decision][e.choice] = run.state.step + 1;
    run.say(fmt::format("step {}: pruned {} on {}", run.state.step + 1, run.space.choices(e.decision)[e.choice],
                        run.space.decision_name(e.decision)));
  }
}

StepResult Prp::task_step(SupernetRun& run, const Batch& batch) const {
  return single_path_step(*run.supernet, run.sgd, batch, best_valid_path(run));
}

StepResult PrpCoupled::task_step(SupernetRun& run, const Batch& batch) const {
  std::vector<space::Architecture> paths = {best_valid_path(run),
                                            space::sample_alive(run.space, run.state.alive, run.state.rng)};
  const torch::Tensor weights = coupled_weights(run.supernet->alpha(), union_mask(run.space, paths));
  return mixed_step(*run.supernet, run.sgd, batch, std::move(paths), weights);
}

torch::Tensor coupled_weights(const torch::Tensor& alpha, const space::ChoiceMask& used) {
  torch::NoGradGuard no_grad;
  torch::Tensor unused = torch::ones(alpha.sizes(), torch::kBool);
  for (std::size_t d = 0; d < used.size(); ++d) {
    for (std::size_t c = 0; c < used[d].size(); ++c) {
      if (used[d][c]) unused[static_cast<int64_t>(d)][static_cast<int64_t>(c)] = false;
    }
  }
  return torch::softmax(
      alpha.detach().masked_fill(unused.to(alpha.device()), -std::numeric_limits<double>::infinity()), 1);
}

bool Prp::phase_ends(const SupernetRun& run) const {
  return TrainingMethod::phase_ends(run) || run.state.step == run.plan.fairness_steps;
}

std::vector<space::Architecture> Prp::final_candidates(SupernetRun& run) const { return valid_alpha_candidates(run); }

}  // namespace prpnas::train
