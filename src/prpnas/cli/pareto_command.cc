// `prpnas pareto rank|hv|quality`: Pareto ranks and front quality of CSV tables.
#include <fmt/core.h>

#include <iostream>
#include <memory>
#include <utility>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/objective_table.h"
#include "prpnas/pareto/front_quality.h"
#include "prpnas/pareto/hypervolume.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/run/pareto_rank_column.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {

namespace {

struct ParetoOptions {
  std::string input, output, found, truth, reference;
  std::vector<std::string> objectives;
};

void add_objective_option(CLI::App* command, ParetoOptions& o) {
  command->add_option("--objective", o.objectives, "NAME:max or NAME:min, one per objective column")
      ->required()
      ->take_all();
}

void add_reference_option(CLI::App* command, ParetoOptions& o) {
  command->add_option("--reference", o.reference,
                      "reference point in the objectives' units, e.g. accuracy=0,latency_ms=100")
      ->required();
}

void run_rank(const ParetoOptions& o) {
  ObjectiveTable t = read_objective_table(o.input, parse_objectives(o.objectives));
  const std::vector<int> ranks = pareto::pareto_ranks(t.points);

  const CsvTable table = run::with_pareto_rank_column(std::move(t.table), ranks);

  if (o.output.empty()) {
    write_csv(std::cout, table);
    return;
  }
  write_csv_file(o.output, table);
  int fronts = 0;
  for (int r : ranks) fronts = std::max(fronts, r);
  fmt::print("{}: {} rows, {} Pareto ranks, {} on the first front\n", o.output, ranks.size(), fronts,
             pareto::non_dominated(t.points).size());
}

void run_hv(const ParetoOptions& o) {
  const auto objectives = parse_objectives(o.objectives);
  const pareto::Point reference = pareto::parse_reference(o.reference, objectives);
  const ObjectiveTable t = read_objective_table(o.input, objectives);
  std::size_t inside = 0;
  for (const auto& p : t.points) inside += pareto::strictly_dominates(p, reference);
  fmt::print("hypervolume of {} points ({} strictly better than the reference)\n", t.points.size(), inside);
  fmt::print("{}\n", pareto::hypervolume(t.points, reference));
}

void run_quality(const ParetoOptions& o) {
  const auto objectives = parse_objectives(o.objectives);
  const pareto::Point reference = pareto::parse_reference(o.reference, objectives);
  const ObjectiveTable found = read_objective_table(o.found, objectives);
  const ObjectiveTable truth = read_objective_table(o.truth, objectives);
  const double hv_found = pareto::hypervolume(found.points, reference);
  const double hv_truth = pareto::hypervolume(truth.points, reference);
  if (hv_truth == 0) {
    throw ConfigError(fmt::format("--reference {}: the true front ({}) dominates no volume from it, so the ratio is "
                                  "undefined; choose a reference every true point beats in every objective",
                                  o.reference, o.truth));
  }
  fmt::print("hv_found {}\nhv_truth {}\nratio {}\nigd {}\n", hv_found, hv_truth, hv_found / hv_truth,
             pareto::igd(found.points, truth.points));
}

}  // namespace

void add_pareto_command(CLI::App& app) {
  CLI::App* pareto = app.add_subcommand("pareto", "Pareto ranks, hypervolume and front quality of CSV tables");
  pareto->require_subcommand(1);
  auto o = std::make_shared<ParetoOptions>();

  CLI::App* rank = pareto->add_subcommand("rank", "append a pareto_rank column (1 = non-dominated)");
  rank->add_option("--input", o->input, "CSV file with a header row (.gz read directly)")->required();
  add_objective_option(rank, *o);
  rank->add_option("--output", o->output, "write here (atomically) instead of stdout");
  rank->callback([o] { run_rank(*o); });

  CLI::App* hv = pareto->add_subcommand("hv", "hypervolume of a table's points; the last line is the value");
  hv->add_option("--input", o->input, "CSV file with a header row")->required();
  add_objective_option(hv, *o);
  add_reference_option(hv, *o);
  hv->callback([o] { run_hv(*o); });

  CLI::App* quality = pareto->add_subcommand(
      "quality", "hypervolume of a found front vs the true one, their ratio, and IGD");
  quality->add_option("--found", o->found, "CSV of the found architectures")->required();
  quality->add_option("--truth", o->truth, "CSV of the true values (its non-dominated rows are the true front)")
      ->required();
  add_objective_option(quality, *o);
  add_reference_option(quality, *o);
  quality->callback([o] { run_quality(*o); });
}

}  // namespace prpnas::cli
