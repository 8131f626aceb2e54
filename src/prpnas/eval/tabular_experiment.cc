#include "prpnas/eval/tabular_experiment.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <optional>
#include <random>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "prpnas/eval/experiment_layout.h"
#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/search/random_search.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"
#include "prpnas/util/number_cell.h"

namespace prpnas::eval {
namespace {

pareto::Points points_of(const TabularProblem& problem, const std::vector<space::Architecture>& archs) {
  pareto::Points points;
  for (const auto& arch : archs) points.push_back(problem.minimized()[problem.enumeration().index(arch)]);
  return points;
}

// -P(a) for every cell, in index order: smaller is better, like a rank.
std::vector<double> negated_scores(const space::Enumeration& enumeration,
                                   const std::vector<std::vector<double>>& alpha) {
  std::vector<double> scores(enumeration.size());
  for (std::uint64_t i = 0; i < enumeration.size(); ++i) {
    const space::Architecture arch = enumeration.at(i);
    double p = 0;
    for (std::size_t d = 0; d < arch.size(); ++d) p += alpha[d][arch[d]];
    scores[i] = -p;
  }
  return scores;
}

// The points of the cells of `archs` that are not degenerate (chance
// accuracy: on the true front only by being the cheapest).
pareto::Points tabular_valid_points(const space::SearchSpace& space, const TabularProblem& problem,
                                    const std::vector<space::Architecture>& archs) {
  std::vector<space::Architecture> valid;
  for (const auto& arch : archs) {
    if (!space.is_degenerate(arch)) valid.push_back(arch);
  }
  return points_of(problem, valid);
}

// The surrogate as a ranker, to set beside PRP's P: the search's regressor's
// predicted accuracy with the true costs for every cell, and the Kendall
// tau-b of those vectors' Pareto ranks against the true ones; NaN when the
// search fitted none.
double surrogate_kendall(const TabularProblem& problem, const std::optional<search::AdditiveRegressor>& regressor,
                         const std::vector<double>& true_ranks) {
  if (!regressor) return std::numeric_limits<double>::quiet_NaN();
  pareto::Points predicted = problem.minimized();
  for (std::uint64_t i = 0; i < problem.size(); ++i) predicted[i][0] = regressor->predict(problem.enumeration().at(i));
  const std::vector<int> ranks = pareto::pareto_ranks(predicted);
  return pareto::kendall_tau_b({ranks.begin(), ranks.end()}, true_ranks);
}

}  // namespace

TabularExperiment run_tabular_experiment(const space::SearchSpace& space, const TabularProblem& problem,
                                         const TabularExperimentOptions& options) {
  TabularExperiment out;
  const pareto::Points& all = problem.minimized();
  for (std::size_t i : pareto::non_dominated(all)) out.true_front.push_back(problem.enumeration().at(i));
  const pareto::Points truth = points_of(problem, out.true_front);
  // Degenerate cells stay out of the near-front reference and its figure, as
  // in the supernet experiment: with them it lands near chance accuracy.
  std::vector<space::Architecture> valid_cells;
  for (std::uint64_t i = 0; i < problem.size(); ++i) {
    if (!space.is_degenerate(problem.enumeration().at(i))) valid_cells.push_back(problem.enumeration().at(i));
  }
  const pareto::Points all_valid = points_of(problem, valid_cells);
  pareto::Points valid_truth;
  pareto::NamedFront named_truth;
  for (std::size_t i : pareto::non_dominated(all_valid)) {
    valid_truth.push_back(all_valid[i]);
    named_truth.points.push_back(all_valid[i]);
    named_truth.architectures.push_back(space.format(valid_cells[i]));
  }
  auto named = [&](const std::vector<space::Architecture>& front) {
    pareto::NamedFront found{points_of(problem, front), {}};
    for (const auto& arch : front) found.architectures.push_back(space.format(arch));
    return found;
  };
  out.references = front_references(all, valid_truth);
  auto figures_of = [&](const std::vector<space::Architecture>& front) {
    return judge_front({points_of(problem, front), truth},
                       {tabular_valid_points(space, problem, front), valid_truth}, out.references);
  };
  const std::vector<int> true_ranks = pareto::pareto_ranks(all);

  const search::Estimator estimator = problem.estimator();
  auto judge = [&](std::string method, const search::SearchResult& result, double seconds) {
    TabularMethodResult r;
    r.method = std::move(method);
    r.front = result.front;
    r.queries = result.calls;
    const FrontFigures figures = figures_of(result.front);
    r.front_approximation = figures.front_approximation;
    r.front_approximation_nadir = figures.front_approximation_nadir;
    r.igd = figures.igd;
    r.kendall_tau_b = std::numeric_limits<double>::quiet_NaN();
    r.seconds = seconds;
    r.metrics = pareto::front_metrics(named_truth, named(result.front));
    out.methods.push_back(std::move(r));
  };
  using Clock = std::chrono::steady_clock;
  auto since = [](Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); };

  auto start = Clock::now();
  train::TabularPrpOptions prp = options.prp;
  prp.seed = options.seed;
  out.prp = train::tabular_prp(space, estimator, options.budget, prp);
  judge("prp", out.prp.search, since(start));
  out.methods.back().kendall_tau_b =
      pareto::kendall_tau_b(negated_scores(problem.enumeration(), out.prp.alpha),
                            {true_ranks.begin(), true_ranks.end()});
  // PRP's own answer alone: its front above also holds the rank pool's
  // uniformly random cells, whose share belongs to random search.
  search::SearchResult alpha_only;
  alpha_only.front = out.prp.alpha_front;
  alpha_only.calls = out.prp.candidates;  // within PRP's budget, not on top of it
  judge("prp-alpha", alpha_only, 0);
  out.methods.back().kendall_tau_b = out.methods[out.methods.size() - 2].kendall_tau_b;

  // One standard normal draw per cell, scaled by each level: the levels
  // differ only in size, not in which cells the noise favours.
  std::vector<double> noise(options.noise_levels.empty() ? 0 : problem.size());
  std::mt19937_64 noise_engine(options.seed);
  std::normal_distribution<double> normal;
  for (double& z : noise) z = normal(noise_engine);
  for (double sigma : options.noise_levels) {
    const search::Estimator noisy = [&problem, &noise, sigma](const space::Architecture& arch) {
      const std::size_t i = problem.enumeration().index(arch);
      std::vector<double> v = problem.minimized()[i];
      v[0] -= sigma * noise[i];  // minimised accuracy is its negative
      return v;
    };
    start = Clock::now();
    const train::TabularPrpResult noisy_prp = train::tabular_prp(space, noisy, options.budget, prp);
    judge(fmt::format("prp-noise{:g}", sigma), noisy_prp.search, since(start));  // judged on clean values
    out.methods.back().kendall_tau_b = pareto::kendall_tau_b(negated_scores(problem.enumeration(), noisy_prp.alpha),
                                                            {true_ranks.begin(), true_ranks.end()});
  }

  start = Clock::now();
  search::Nsga2Options nsga2 = options.nsga2;
  nsga2.seed = options.seed;
  judge("nsga2", search::nsga2(space, space.full_mask(), estimator, options.budget, nsga2), since(start));

  start = Clock::now();
  judge("random", search::random_search(space, space.full_mask(), estimator, options.budget, options.seed),
        since(start));

  start = Clock::now();
  search::SurrogateSearchOptions surrogate = options.surrogate;
  surrogate.seed = options.seed;
  surrogate.nsga2.seed = options.seed;
  std::optional<search::AdditiveRegressor> regressor;
  judge("surrogate", search::surrogate_search(space, space.full_mask(), estimator, options.budget, surrogate, &regressor),
        since(start));
  out.methods.back().kendall_tau_b = surrogate_kendall(problem, regressor, {true_ranks.begin(), true_ranks.end()});

  for (int samples : options.sample_sizes) {
    train::TabularPrpOptions swept = prp;
    swept.alpha.samples = samples;
    swept.alpha.top_n = std::min(swept.alpha.top_n, samples);
    const train::TabularPrpResult r = train::tabular_prp(space, estimator, options.budget, swept);
    const FrontFigures figures = figures_of(r.search.front);
    out.sample_sweep.push_back(
        {samples, figures.front_approximation, figures.front_approximation_nadir,
         pareto::kendall_tau_b(negated_scores(problem.enumeration(), r.alpha), {true_ranks.begin(), true_ranks.end()})});
  }
  return out;
}

namespace {

nlohmann::json json_number(double value) { return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(); }

void write_front(const std::string& path, const space::SearchSpace& space, const TabularProblem& problem,
                 const std::vector<space::Architecture>& front) {
  CsvTable csv{path, {"arch"}, {}, {}};
  for (const auto& objective : problem.objectives()) csv.header.push_back(objective.name);
  for (const auto& arch : front) {
    std::vector<std::string> row = {space.format(arch)};
    // Shortest exact form: a rounded value could make a front point look dominated.
    for (double v : problem.values()[problem.enumeration().index(arch)]) row.push_back(fmt::format("{}", v));
    csv.rows.push_back(std::move(row));
  }
  write_csv_file(path, csv);
}

void make_directory(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw ConfigError(fmt::format("--out {}: cannot create the directory ({})", dir, ec.message()));
}

}  // namespace

void write_tabular_experiment(const std::string& dir, const space::SearchSpace& space,
                              const TabularProblem& problem, const TabularExperimentOptions& options,
                              const TabularExperiment& experiment) {
  const ExperimentLayout layout(dir);
  make_directory(dir);
  CsvTable results{"results.csv",
                   {"method", "front_approximation", "kendall_tau_b", "queries", "front_approximation_nadir", "igd",
                    "front_size", "seconds", "hv_ratio", "igd_plus", "epsilon", "true_front_hits", "near_hits",
                    "true_front_size"},
                   {}, {}};
  nlohmann::json methods = nlohmann::json::array();
  for (const TabularMethodResult& m : experiment.methods) {
    results.rows.push_back({m.method, number_cell(m.front_approximation), number_cell(m.kendall_tau_b),
                            std::to_string(m.queries), number_cell(m.front_approximation_nadir), number_cell(m.igd),
                            std::to_string(m.front.size()), fmt::format("{:.3f}", m.seconds),
                            number_cell(m.metrics.hypervolume_ratio), number_cell(m.metrics.igd_plus),
                            number_cell(m.metrics.epsilon), std::to_string(m.metrics.exact_hits),
                            std::to_string(m.metrics.near_hits), std::to_string(m.metrics.true_front_size)});
    methods.push_back({{"method", m.method},
                       {"front_approximation", json_number(m.front_approximation)},
                       {"kendall_tau_b", json_number(m.kendall_tau_b)},
                       {"queries", m.queries},
                       {"front_approximation_nadir", json_number(m.front_approximation_nadir)},
                       {"igd", json_number(m.igd)},
                       {"front_size", m.front.size()},
                       {"seconds", m.seconds},
                       {"hv_ratio", json_number(m.metrics.hypervolume_ratio)},
                       {"igd_plus", json_number(m.metrics.igd_plus)},
                       {"epsilon", json_number(m.metrics.epsilon)},
                       {"true_front_hits", m.metrics.exact_hits},
                       {"near_hits", m.metrics.near_hits},
                       {"true_front_size", m.metrics.true_front_size}});
    make_directory(layout.run(m.method).dir());
    write_front(layout.run(m.method).front(), space, problem, m.front);
  }
  write_front(layout.true_front(), space, problem, experiment.true_front);
  write_front(layout.alpha_front(), space, problem, experiment.prp.alpha_front);

  CsvTable alpha{"alpha.csv", {"decision", "choice", "alpha", "alive"}, {}, {}};
  for (int d = 0; d < space.num_decisions(); ++d) {
    for (std::size_t c = 0; c < space.choices(d).size(); ++c) {
      alpha.rows.push_back({space.decision_name(d), space.choices(d)[c],
                            fmt::format("{:.9g}", experiment.prp.alpha[d][c]),
                            experiment.prp.alive[d][c] ? "1" : "0"});
    }
  }
  write_csv_file(layout.run("prp").alpha(), alpha);

  CsvTable sweep{"sample_sweep.csv", {"samples", "front_approximation", "front_approximation_nadir", "kendall_tau_b"},
                 {}, {}};
  for (const SampleSizePoint& p : experiment.sample_sweep) {
    sweep.rows.push_back({std::to_string(p.samples), number_cell(p.front_approximation),
                          number_cell(p.front_approximation_nadir), number_cell(p.kendall_tau_b)});
  }
  write_csv_file(layout.sample_sweep(), sweep);

  nlohmann::json objectives = nlohmann::json::array(), reference = nlohmann::json::object(),
                 nadir = nlohmann::json::object();
  for (std::size_t k = 0; k < problem.objectives().size(); ++k) {
    const pareto::Objective& o = problem.objectives()[k];
    objectives.push_back({{"name", o.name}, {"sense", o.sense == pareto::Sense::kMaximize ? "max" : "min"}});
    reference[o.name] = pareto::from_minimized(o, experiment.references.worst[k]);
    nadir[o.name] = pareto::from_minimized(o, experiment.references.near_front[k]);
  }
  const FrontFigures alpha_front = judge_front(
      {points_of(problem, experiment.prp.alpha_front), points_of(problem, experiment.true_front)},
      experiment.references);
  const nlohmann::json json = {
      {"mode", "tabular"},
      {"space", std::string(space.name())},
      {"budget", options.budget},
      {"seed", options.seed},
      {"objectives", objectives},
      {"reference_point", reference},
      {"nadir_reference_point", nadir},
      {"true_front_size", experiment.true_front.size()},
      {"near_hit_tolerance", pareto::kDefaultHitTolerance},  // in units of the valid true front's range
      {"methods", methods},
      {"prp",
       {{"alpha_steps", experiment.prp.alpha_steps},
        {"pruned_choices", experiment.prp.pruned},
        {"alpha_candidates", experiment.prp.candidates},
        {"alpha_front_size", experiment.prp.alpha_front.size()},
        {"alpha_front_approximation", json_number(alpha_front.front_approximation)},
        {"alpha_front_approximation_nadir", json_number(alpha_front.front_approximation_nadir)}}}};
  write_file_atomically(layout.results_json(), json.dump(2) + "\n");
  write_csv_file(layout.results_csv(), results);
}

}  // namespace prpnas::eval
