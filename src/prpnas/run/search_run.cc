#include "prpnas/run/search_run.h"

#include <algorithm>
#include <filesystem>

#include <fmt/core.h>

#include "prpnas/nn/compute_threads.h"
#include "prpnas/run/run_directory.h"
#include "prpnas/run/run_setup.h"
#include "prpnas/run/train_config.h"
#include "prpnas/search/evaluation_cache.h"
#include "prpnas/search/front_from_alpha.h"
#include "prpnas/search/nsga2.h"
#include "prpnas/search/random_search.h"
#include "prpnas/train/alpha_matrix.h"
#include "prpnas/train/run_layout.h"
#include "prpnas/train/supernet_evaluator.h"
#include "prpnas/train/supernet_training.h"
#include "prpnas/util/error.h"
#include "prpnas/util/progress.h"

namespace prpnas::run {
namespace {

// Where each objective's value comes from, decided once, in the objectives'
// order: the supernet's accuracy (nullptr) or one of the run's cost tables.
std::vector<const space::CostTable*> objective_sources(const std::vector<pareto::Objective>& objectives,
                                                      const std::vector<train::CostObjective>& costs) {
  std::vector<const space::CostTable*> sources;
  for (const auto& objective : objectives) {
    if (objective.name == kSupernetAccuracy) {
      sources.push_back(nullptr);
      continue;
    }
    auto it = std::find_if(costs.begin(), costs.end(), [&](const auto& c) { return c.name == objective.name; });
    if (it == costs.end()) {
      std::string known = kSupernetAccuracy;
      for (const auto& c : costs) known += ", " + c.name;
      throw ConfigError(fmt::format("--objective {}: the run estimates {} (its config's objectives)", objective.name,
                                    known));
    }
    sources.push_back(&it->table);
  }
  return sources;
}

// The front from alpha's candidates that the space allows; the run's front
// options, at most `budget` candidates.
search::SearchResult front_from_trained_alpha(const train::TrainedSupernet& trained,
                                              search::FrontFromAlphaOptions options,
                                              const search::Estimator& estimator, std::size_t budget) {
  options.max_candidates = budget;
  auto candidates = search::alpha_candidates(train::alpha_matrix(trained.supernet->alpha()), trained.alive, options);
  std::erase_if(candidates, [&](const auto& a) { return !trained.supernet->space().is_valid(a); });
  search::EvaluationCache cache(estimator, budget);
  const auto front =
      search::front_from_alpha(candidates, [&](const space::Architecture& a) { return *cache.evaluate(a); });
  search::SearchResult result = search::make_search_result(cache);
  result.front = front;
  return result;
}

}  // namespace

SearchRun search_trained_run(const SearchRunOptions& o, std::FILE* progress) {
  if (o.algorithm != "nsga2" && o.algorithm != "random" && o.algorithm != "alpha") {
    throw ConfigError(fmt::format("--algorithm {}: known are nsga2, random and alpha", o.algorithm));
  }
  TrainConfig config = read_run_config(o.run_dir);
  if (!o.lut.empty()) {  // any network of the space: assembling the run prints whose latency it is
    config.lut = o.lut;
    config.lut_network = "space";
  }
  const RunSetup setup = assemble_run(config, o.run_dir, /*measure_if_missing=*/false);
  const std::vector<const space::CostTable*> sources = objective_sources(o.objectives, setup.inputs.costs);
  const space::SearchSpace& space = *setup.space;
  train::TrainedSupernet trained = train::load_trained_supernet(o.run_dir, setup.inputs.network);
  if (!trained.finished && progress) {
    fmt::print(progress,
               "prpnas: warning: {} stopped at step {} before its budget was spent; searching that supernet\n",
               o.run_dir, trained.step);
  }
  nn::set_compute_threads(config.threads);

  train::SupernetEvaluator evaluator(trained.supernet, setup.data, config.training.evaluation);
  Progress bar("search " + o.algorithm, static_cast<int64_t>(o.budget), "arch", progress);
  int64_t calls = 0;
  const search::Estimator estimator = [&](const space::Architecture& arch) {
    std::vector<double> point;
    for (std::size_t k = 0; k < sources.size(); ++k) {
      const double value = sources[k] == nullptr ? evaluator.accuracy(arch) : sources[k]->cost(arch);
      point.push_back(pareto::to_minimized(o.objectives[k], value));
    }
    bar.update(++calls);
    return point;
  };

  SearchRun out;
  out.space = space::make_search_space(space.name());
  out.step = trained.step;
  if (o.algorithm == "nsga2") {
    search::Nsga2Options options;
    options.population = o.population;
    options.seed = o.seed;
    out.result = search::nsga2(space, trained.alive, estimator, o.budget, options);
  } else if (o.algorithm == "random") {
    out.result = search::random_search(space, trained.alive, estimator, o.budget, o.seed);
  } else {
    out.result = front_from_trained_alpha(trained, config.training.front, estimator, o.budget);
  }
  bar.finish();
  out.seconds = bar.seconds();
  return out;
}

}  // namespace prpnas::run
