// The network-free core of Pareto-rank alpha training on a synthetic problem:
// the NB201 space (6 decisions x 5 choices, 15,625 architectures) with an
// additive "accuracy" (maximised) and an additive "latency" (minimised) drawn
// per (decision, choice) from a seeded RNG. Both grow with a hidden op size,
// plus independent noise, so they trade off without being one objective.
// AlphaTrainer learns from the Pareto ranks of sampled sub-networks only; we
// then compare P(a) over the whole space with the true Pareto ranks.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <random>
#include <set>
#include <vector>

#include <fmt/core.h>

#include "prpnas/pareto/objective.h"
#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/space/enumeration.h"
#include "prpnas/space/sampling.h"
#include "prpnas/space/search_space.h"
#include "prpnas/train/alpha_trainer.h"
#include "prpnas/train/pruning.h"

namespace prpnas::train {
namespace {

// Portable draws (std::normal_distribution differs between libraries).
double uniform01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }
double normal(std::mt19937_64& rng) {
  const double u = 1.0 - uniform01(rng), v = uniform01(rng);
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * v);
}

struct SyntheticProblem {
  std::vector<std::vector<double>> accuracy;  // [d][c], additive, maximised
  std::vector<std::vector<double>> latency;   // [d][c], additive, minimised

  // Minimised objective vector: (-accuracy, latency).
  std::vector<double> objectives(const space::Architecture& a) const {
    double acc = 0, lat = 0;
    for (std::size_t d = 0; d < a.size(); ++d) {
      acc += accuracy[d][a[d]];
      lat += latency[d][a[d]];
    }
    static const std::vector<pareto::Objective> kObjectives = {{"accuracy", pareto::Sense::kMaximize},
                                                                {"latency", pareto::Sense::kMinimize}};
    return pareto::to_minimized(kObjectives, {{acc, lat}})[0];
  }
};

// Per (decision, choice) a hidden size in [0, 1); accuracy gain and latency
// both grow with it, each with its own noise.
SyntheticProblem make_problem(const space::SearchSpace& space, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  SyntheticProblem p;
  for (int d = 0; d < space.num_decisions(); ++d) {
    p.accuracy.emplace_back();
    p.latency.emplace_back();
    for (std::size_t c = 0; c < space.choices(d).size(); ++c) {
      const double size = uniform01(rng);
      p.accuracy.back().push_back(size + 0.3 * normal(rng));
      p.latency.back().push_back(size + 0.3 * normal(rng));
    }
  }
  return p;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mx += x[i] / n, my += y[i] / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

std::vector<double> negated(const std::vector<int>& ranks) {
  std::vector<double> out;
  for (int r : ranks) out.push_back(-static_cast<double>(r));
  return out;
}

struct SyntheticRun {
  double correlation = 0;      // Pearson, accuracy vs latency over the space
  int fronts = 0;              // distinct Pareto ranks over the space
  int first_front = 0;         // architectures of rank 1
  double best_linear_tau = 0;  // best tau of accuracy - lambda * latency
  double best_lambda = 0;
  double tau = 0;              // tau of P(a) vs -rank over the space
  double first_loss = 0;       // mean total loss, first 20 iterations
  double last_loss = 0;        // mean total loss, last 20 iterations
  int prune_events = 0;
  int front_choices_pruned = 0;  // pruned choices some rank-1 architecture uses
  double seconds = 0;
};

// T = 300 iterations: sample S architectures among alive choices, rank them,
// one AlphaTrainer step; every 25 iterations prune_worst(0.5) on that sample.
SyntheticRun run_synthetic(const AlphaTrainerOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const auto space = space::make_search_space("nb201");
  const SyntheticProblem problem = make_problem(*space, 2024);
  SyntheticRun run;

  // The whole space: objectives, true Pareto ranks, the first front's choices.
  std::vector<space::Architecture> all;
  pareto::Points points;
  std::vector<double> acc_all, lat_all;
  const space::Enumeration enumeration(*space);
  for (std::uint64_t i = 0; i < enumeration.size(); ++i) {
    all.push_back(enumeration.at(i));
    points.push_back(problem.objectives(all.back()));
    acc_all.push_back(-points.back()[0]);
    lat_all.push_back(points.back()[1]);
  }
  const std::vector<int> true_ranks = pareto::pareto_ranks(points);
  std::set<std::pair<int, int>> front_choices;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (true_ranks[i] != 1) continue;
    ++run.first_front;
    for (int d = 0; d < space->num_decisions(); ++d) front_choices.insert({d, all[i][d]});
  }
  run.fronts = *std::max_element(true_ranks.begin(), true_ranks.end());
  run.correlation = pearson(acc_all, lat_all);

  // Reference: the best tau any weighted sum accuracy - lambda * latency
  // reaches. A weighted sum is additive over decisions, like P(a).
  for (double lambda = 0; lambda <= 4.0001; lambda += 0.05) {
    std::vector<double> score;
    for (std::size_t i = 0; i < all.size(); ++i) score.push_back(acc_all[i] - lambda * lat_all[i]);
    const double tau = pareto::kendall_tau_b(score, negated(true_ranks));
    if (tau > run.best_linear_tau) run.best_linear_tau = tau, run.best_lambda = lambda;
  }

  AlphaTrainer trainer(*space, options);
  space::ChoiceMask alive = space->full_mask();
  std::mt19937_64 rng(7);
  const int iterations = 300, prune_every = 25;
  const double worst_fraction = 0.5;
  std::vector<double> totals;
  for (int t = 1; t <= iterations; ++t) {
    std::vector<space::Architecture> sampled;
    pareto::Points sample_points;
    for (int s = 0; s < options.samples; ++s) {
      sampled.push_back(space::sample_alive(*space, alive, rng));
      sample_points.push_back(problem.objectives(sampled.back()));
    }
    const std::vector<int> ranks = pareto::pareto_ranks(sample_points);
    totals.push_back(trainer.step(sampled, ranks, alive).total);
    if (t % prune_every == 0) {
      for (const PruneEvent& e : prune_worst(alive, sampled, ranks, worst_fraction)) {
        ++run.prune_events;
        const bool on_front = front_choices.count({e.decision, e.choice}) > 0;
        run.front_choices_pruned += on_front;
        std::cout << fmt::format("  iteration {}: pruned decision {} choice {} ({}){}\n", t, e.decision, e.choice,
                                 space->choices(e.decision)[e.choice], on_front ? ", used by the first front" : "");
      }
    }
  }
  run.tau = pareto::kendall_tau_b(trainer.predicted_scores(all), negated(true_ranks));
  for (int i = 0; i < 20; ++i) {
    run.first_loss += totals[i] / 20;
    run.last_loss += totals[iterations - 1 - i] / 20;
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format(
      "synthetic: corr(acc, lat) = {:.3f}, {} fronts, first front = {} archs; best weighted-sum tau = {:.4f} "
      "(lambda {:.2f}); tau(P, -rank) = {:.4f}; total loss first 20 = {:.4f}, last 20 = {:.4f}; "
      "{} prune events ({} on the first front); {:.2f} s\n",
      run.correlation, run.fronts, run.first_front, run.best_linear_tau, run.best_lambda, run.tau, run.first_loss,
      run.last_loss, run.prune_events, run.front_choices_pruned, run.seconds);
  return run;
}

TEST(SyntheticAlpha, LearnsTheParetoRankingOfTheWholeSpace) {
  const SyntheticRun run = run_synthetic(AlphaTrainerOptions{});
  // A real trade-off, not one objective in disguise.
  EXPECT_GT(run.correlation, 0.0);
  EXPECT_LT(run.correlation, 1.0);
  // P(a) is additive over decisions, and no additive score orders this space's
  // Pareto ranks much better than the best weighted sum (0.797 here; direct
  // coordinate search over all 30 alpha entries found 0.803). P, learned from
  // samples of 64 alone, with pruning freezing some entries, gets within 0.05.
  // (Issue 5 asked for tau >= 0.9 here; no additive score reaches it on such a
  // trade-off: docs/METHOD.md, "What tau an additive score can reach".)
  EXPECT_GE(run.tau, run.best_linear_tau - 0.05);
  EXPECT_GE(run.tau, 0.75);
  // Pruning happens (the seed makes it so) and spares the first front.
  EXPECT_GT(run.prune_events, 0);
  EXPECT_EQ(run.front_choices_pruned, 0);
  EXPECT_GT(run.first_loss, run.last_loss);
}

}  // namespace
}  // namespace prpnas::train
