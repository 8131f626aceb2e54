// `prpnas search`: a front from a trained supernet (run/search_run.h), written
// as CSV with one column per objective.
#include <map>
#include <memory>

#include <fmt/core.h>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/number_options.h"
#include "prpnas/cli/objective_table.h"
#include "prpnas/run/search_run.h"
#include "prpnas/util/csv.h"

namespace prpnas::cli {
namespace {

struct SearchOptions {
  std::string run, algorithm = "nsga2", out, lut;
  std::vector<std::string> objectives = {"accuracy:max", "latency_ms:min"};
  std::size_t budget = 200, population = 32;
  std::uint64_t seed = 0;
};

void run(const SearchOptions& o) {
  run::SearchRunOptions options;
  options.run_dir = o.run;
  options.algorithm = o.algorithm;
  options.objectives = parse_objectives(o.objectives);
  options.budget = o.budget;
  options.population = o.population;
  options.seed = o.seed;
  options.lut = o.lut;
  const run::SearchRun searched = run::search_trained_run(options, stderr);
  const search::SearchResult& result = searched.result;

  std::map<space::Architecture, std::vector<double>> known;
  for (std::size_t i = 0; i < result.evaluated.size(); ++i) known[result.evaluated[i]] = result.objectives[i];
  CsvTable csv{o.out, {"arch"}, {}, {}};
  for (const auto& objective : options.objectives) csv.header.push_back(objective.name);
  for (const auto& arch : result.front) {
    std::vector<std::string> row = {searched.space->format(arch)};
    for (std::size_t k = 0; k < options.objectives.size(); ++k) {
      row.push_back(fmt::format("{:.6g}", pareto::from_minimized(options.objectives[k], known.at(arch)[k])));
    }
    csv.rows.push_back(std::move(row));
  }
  write_csv_file(o.out, csv);
  fmt::print("{}: {} architectures on the front, {} estimator calls in {:.0f} s ({} of run {}, step {})\n", o.out,
             result.front.size(), result.calls, searched.seconds, o.algorithm, o.run, searched.step);
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
      ->check(at_least(1))
      ->capture_default_str();
  command->add_option("--objective", o->objectives, "accuracy:max and/or latency_ms:min")->capture_default_str();
  command->add_option("--population", o->population, "NSGA-II population (even, >= 4)")->capture_default_str();
  command->add_option("--seed", o->seed)->capture_default_str();
  command->add_option("--lut", o->lut,
                      "latency from this table instead of the run's: any network of the run's space, e.g. a "
                      "phone's (data/luts/proxyless_pixel1.csv)");
  command->add_option("--out", o->out, "front CSV: arch + one column per objective")->required();
  command->callback([o] { run(*o); });
}

}  // namespace prpnas::cli
