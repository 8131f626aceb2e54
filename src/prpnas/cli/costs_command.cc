// `prpnas costs`: look up architectures in a device cost table (HW-NAS-Bench
// latency and energy) or estimate them with a latency LUT, and write `arch,<cost columns>` as CSV, ready for
// `prpnas pareto rank`. Architectures missing a value in a requested column
// are left out, with one line per column on stderr saying how many.
#include <fmt/core.h>
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "prpnas/cli/commands.h"
#include "prpnas/run/cost_columns.h"
#include "prpnas/space/search_space.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {

namespace {

struct CostsOptions {
  std::string space = "nb201";
  run::CostSourceFiles files;
  std::string out;
  std::vector<std::string> costs;
};

void run(const CostsOptions& o) {
  const auto s = space::make_search_space(o.space);
  std::set<std::string> seen;
  for (const auto& c : o.costs) {
    if (!seen.insert(c).second) throw ConfigError("--cost " + c + " is given twice");
  }
  const run::CostRows rows = run::cost_columns(*s, o.files, o.costs, stderr);

  CsvTable out;
  out.header = {"arch"};
  out.header.insert(out.header.end(), o.costs.begin(), o.costs.end());
  for (std::size_t i = 0; i < rows.archs.size(); ++i) {
    std::vector<std::string> row = {s->format(rows.archs[i])};
    // shortest text that reads back to the same double
    for (double v : rows.costs[i]) row.push_back(fmt::format("{}", v));
    out.rows.push_back(std::move(row));
  }

  if (o.out.empty()) {
    write_csv(std::cout, out);
    return;
  }
  write_csv_file(o.out, out);
  fmt::print("{}: {} architectures, columns {}\n", o.out, out.rows.size(), fmt::join(o.costs, ","));
}

}  // namespace

void add_costs_command(CLI::App& app) {
  auto o = std::make_shared<CostsOptions>();
  CLI::App* command = app.add_subcommand(
      "costs", "hardware costs of architectures from a device table (e.g. HW-NAS-Bench) or a LUT, as CSV");
  command->add_option("--space", o->space, "search space (nb201, chain, darts, proxyless, mobilenetv2 or ofa)")->capture_default_str();
  command->add_option("--table", o->files.table,
                      "device table: CSV (.gz read directly) with an arch column and cost columns, "
                      "e.g. data/hwnasbench_nb201.csv.gz");
  command->add_option("--lut", o->files.lut,
                      "latency LUT from `lut measure`: gives the columns latency_ms and energy_mj");
  command->add_option("--cost", o->costs,
                      "a cost column, e.g. c10_edgegpu_latency (--table) or latency_ms (--lut); once per column")
      ->required();
  command->add_option("--archs", o->files.archs,
                      "text file, one architecture string per line (blank lines skipped); "
                      "default: every architecture of the table");
  command->add_option("--out", o->out, "write here (atomically) instead of stdout");
  command->callback([o] { run(*o); });
}

}  // namespace prpnas::cli
