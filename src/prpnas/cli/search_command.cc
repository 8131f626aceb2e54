// `prpnas search`: a front from a trained supernet. The estimator is the
// supernet's shared-weight accuracy (BN recalibrated, as in the run's
// judgement) and the run's LUT latency; NSGA-II, random search or the front
// from alpha spend at most --budget estimator calls, using only the choices
// the run left alive.
#include <filesystem>
#include <map>
#include <memory>

#include <fmt/core.h>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/objective_table.h"
#include "prpnas/run/run_latency.h"
#include "prpnas/run/train_config.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/search/evaluation_cache.h"
#include "prpnas/search/front_from_alpha.h"
#include "prpnas/search/nsga2.h"
#include "prpnas/search/random_search.h"
#include "prpnas/search/search_result.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/train/supernet_evaluator.h"
#include "prpnas/train/supernet_training.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"
#include "prpnas/util/progress.h"

namespace prpnas::cli {
namespace {

struct SearchOptions {
  std::string run, algorithm = "nsga2", out;
  std::vector<std::string> objectives = {"accuracy:max", "latency_ms:min"};
  std::size_t budget = 200, population = 32;
  std::uint64_t seed = 0;
};

std::vector<std::vector<double>> alpha_values(const torch::Tensor& alpha) {
  const torch::Tensor a = alpha.detach().to(torch::kFloat64).contiguous();
  std::vector<std::vector<double>> values(a.size(0));
  for (int64_t d = 0; d < a.size(0); ++d) {
    for (int64_t c = 0; c < a.size(1); ++c) values[d].push_back(a[d][c].item<double>());
  }
  return values;
}

void run(const SearchOptions& o) {
  const std::string config_path = o.run + "/config.toml";
  if (!std::filesystem::exists(config_path)) {
    throw ConfigError(fmt::format("--run {}: no config.toml, so not a training run directory (make one with "
                                  "prpnas train --out {})",
                                  o.run, o.run));
  }
  const std::vector<pareto::Objective> objectives = parse_objectives(o.objectives);
  for (const auto& objective : objectives) {
    if (objective.name != "accuracy" && objective.name != "latency_ms") {
      throw ConfigError(fmt::format("--objective {}: a supernet run estimates accuracy and latency_ms only",
                                    objective.name));
    }
  }
  const run::TrainConfig config = run::read_train_config(config_path, "");
  const space::Nb201Space space;
  const data::DatasetSplits data = data::load_dataset(config.data);
  const nn::Nb201Config network = nn::nb201_preset(config.preset, data.channels, data.height, data.num_classes);
  const space::CostTable latency = run::run_latency_table(config, network, o.run, space, /*measure_if_missing=*/false);
  train::TrainedSupernet trained = train::load_trained_supernet(o.run, network);
  if (!trained.finished) {
    fmt::print(stderr, "prpnas: warning: {} stopped at step {} before its budget was spent; searching that supernet\n",
               o.run, trained.step);
  }
  nn::set_compute_threads(config.threads);

  train::SupernetEvaluator evaluator(trained.supernet, data, config.training.evaluation);
  Progress progress("search " + o.algorithm, static_cast<int64_t>(o.budget), "arch");
  int64_t calls = 0;
  const search::Estimator estimator = [&](const space::Architecture& arch) {
    const double values[] = {evaluator.accuracy(arch), latency.cost(arch)};
    std::vector<double> point;
    for (const auto& objective : objectives) {
      point.push_back(pareto::to_minimized(objective, values[objective.name == "accuracy" ? 0 : 1]));
    }
    progress.update(++calls);
    return point;
  };

  search::SearchResult result;
  if (o.algorithm == "nsga2") {
    search::Nsga2Options options;
    options.population = o.population;
    options.seed = o.seed;
    result = search::nsga2(space, trained.alive, estimator, o.budget, options);
  } else if (o.algorithm == "random") {
    result = search::random_search(space, trained.alive, estimator, o.budget, o.seed);
  } else {
    search::FrontFromAlphaOptions options = config.training.front;
    options.max_candidates = o.budget;
    const auto candidates = search::alpha_candidates(alpha_values(trained.supernet->alpha()), trained.alive, options);
    search::EvaluationCache cache(estimator, o.budget);
    const auto front =
        search::front_from_alpha(candidates, [&](const space::Architecture& a) { return *cache.evaluate(a); });
    result = search::make_search_result(cache);
    result.front = front;
  }
  progress.finish();

  std::map<space::Architecture, std::vector<double>> known;
  for (std::size_t i = 0; i < result.evaluated.size(); ++i) known[result.evaluated[i]] = result.objectives[i];
  CsvTable csv{o.out, {"arch"}, {}, {}};
  for (const auto& objective : objectives) csv.header.push_back(objective.name);
  for (const auto& arch : result.front) {
    std::vector<std::string> row = {space.format(arch)};
    for (std::size_t k = 0; k < objectives.size(); ++k) {
      row.push_back(fmt::format("{:.6g}", pareto::from_minimized(objectives[k], known.at(arch)[k])));
    }
    csv.rows.push_back(std::move(row));
  }
  write_csv_file(o.out, csv);
  fmt::print("{}: {} architectures on the front, {} estimator calls in {:.0f} s ({} of run {}, step {})\n", o.out,
             result.front.size(), result.calls, progress.seconds(), o.algorithm, o.run, trained.step);
}

}  // namespace

void add_search_command(CLI::App& app) {
  auto o = std::make_shared<SearchOptions>();
  CLI::App* command = app.add_subcommand("search", "find a Pareto front with a trained supernet as estimator");
  command->add_option("--run", o->run, "training run directory (prpnas train --out)")->required();
  command->add_option("--algorithm", o->algorithm)
      ->check(CLI::IsMember({"nsga2", "random", "alpha"}))
      ->capture_default_str();
  command->add_option("--budget", o->budget, "estimator calls (distinct architectures)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--objective", o->objectives, "accuracy:max and/or latency_ms:min")->capture_default_str();
  command->add_option("--population", o->population, "NSGA-II population (even, >= 4)")->capture_default_str();
  command->add_option("--seed", o->seed)->capture_default_str();
  command->add_option("--out", o->out, "front CSV: arch + one column per objective")->required();
  command->callback([o] { run(*o); });
}

}  // namespace prpnas::cli
