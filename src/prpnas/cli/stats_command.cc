// `prpnas stats kendall|spearman`: rank correlation of two CSV columns.
#include <fmt/core.h>

#include <cmath>
#include <memory>

#include "prpnas/cli/commands.h"
#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {

namespace {

struct StatsOptions {
  std::string input, x, y;
};

using Correlation = double (*)(const std::vector<double>&, const std::vector<double>&);

void run(const StatsOptions& o, const char* name, Correlation correlation) {
  const CsvTable table = read_csv(o.input);
  if (table.rows.size() < 2) {
    throw DataError(o.input + ": " + name + " needs at least 2 data rows, found " +
                    std::to_string(table.rows.size()));
  }
  const std::vector<double> x = table.numbers(o.x), y = table.numbers(o.y);
  for (const auto& [column, values] : {std::pair{&o.x, &x}, std::pair{&o.y, &y}}) {
    bool constant = true;
    for (double v : *values) constant = constant && v == values->front();
    if (constant) {
      throw DataError(o.input + ": column '" + *column + "' is constant, so " + name +
                      " is undefined; pick a column that varies");
    }
  }
  fmt::print("{} of '{}' and '{}' over {} rows\n", name, o.x, o.y, x.size());
  fmt::print("{}\n", correlation(x, y));
}

void add_correlation(CLI::App* stats, const char* command, const char* name, Correlation correlation) {
  auto o = std::make_shared<StatsOptions>();
  CLI::App* sub = stats->add_subcommand(command, std::string(name) + " of two columns; the last line is the value");
  sub->add_option("--input", o->input, "CSV file with a header row (.gz read directly)")->required();
  sub->add_option("--x", o->x, "first column")->required();
  sub->add_option("--y", o->y, "second column")->required();
  sub->callback([o, name, correlation] { run(*o, name, correlation); });
}

}  // namespace

void add_stats_command(CLI::App& app) {
  CLI::App* stats = app.add_subcommand("stats", "rank correlations used to judge estimators");
  stats->require_subcommand(1);
  add_correlation(stats, "kendall", "kendall_tau_b", pareto::kendall_tau_b);
  add_correlation(stats, "spearman", "spearman_rho", pareto::spearman_rho);
}

}  // namespace prpnas::cli
