// `prpnas costs`: look up architectures in a device cost table (HW-NAS-Bench
// latency and energy) or estimate them with a latency LUT, and write `arch,<cost columns>` as CSV, ready for
// `prpnas pareto rank`. Architectures missing a value in a requested column
// are left out, with one line per column on stderr saying how many.
#include <fmt/core.h>
#include <fmt/format.h>

#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "prpnas/cli/commands.h"
#include "prpnas/hw/device_table.h"
#include "prpnas/hw/latency_table.h"
#include "prpnas/space/architecture_file.h"
#include "prpnas/space/search_space.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {

namespace {

struct CostsOptions {
  std::string space = "nb201", archs, table, lut, out;
  std::vector<std::string> costs;
};

using CostLookup = std::function<std::optional<double>(const space::Architecture&)>;

void run(const CostsOptions& o) {
  const auto s = space::make_search_space(o.space);
  std::set<std::string> seen;
  for (const auto& c : o.costs) {
    if (!seen.insert(c).second) throw ConfigError("--cost " + c + " is given twice");
  }
  if (o.table.empty() && o.lut.empty()) throw ConfigError("give --table, --lut or both: where the costs come from");
  std::optional<hw::DeviceTable> table;
  if (!o.table.empty()) table = hw::load_device_table(o.table, *s);
  std::optional<hw::LatencyTable> lut;
  if (!o.lut.empty()) lut = hw::read_latency_table(o.lut, *s);
  if (o.archs.empty() && !table) throw ConfigError("--archs is needed with --lut alone (a LUT lists no architectures)");
  const std::vector<space::Architecture> archs =
      o.archs.empty() ? table->architectures() : space::read_architecture_file(o.archs, *s);

  // LUT columns are estimates (fixed + one entry per decision); the rest are table columns.
  std::vector<CostLookup> lookups;
  for (const auto& c : o.costs) {
    if (lut && (c == "latency_ms" || c == "energy_mj")) {
      const space::CostTable cost = c == "latency_ms" ? lut->latency_ms() : lut->energy_mj();
      lookups.push_back([cost](const space::Architecture& a) { return std::optional<double>(cost.cost(a)); });
      continue;
    }
    if (!table) {
      throw ConfigError("--cost " + c + ": a LUT gives latency_ms and energy_mj; other columns need --table");
    }
    const std::size_t column = table->column_index(c);  // unknown: ConfigError
    lookups.push_back([&table, column](const space::Architecture& a) { return table->cost(a, column); });
    std::size_t absent = 0;
    const space::Architecture* first_absent = nullptr;
    for (const auto& arch : archs) {
      if (table->contains(arch)) continue;
      if (absent++ == 0) first_absent = &arch;
    }
    if (absent > 0) {
      throw DataError(fmt::format("{} of {} architectures of {} are not in {}, the first: {}", absent, archs.size(),
                                  o.archs, o.table, s->format(*first_absent)));
    }
    const hw::ColumnCoverage coverage = table->coverage(c, archs);
    if (coverage.missing > 0) {
      fmt::print(stderr, "prpnas: excluded {} of {} architectures with no {}\n", coverage.missing, archs.size(), c);
    }
  }

  CsvTable out;
  out.header = {"arch"};
  out.header.insert(out.header.end(), o.costs.begin(), o.costs.end());
  for (const auto& arch : archs) {
    std::vector<std::string> row = {s->format(arch)};
    for (const CostLookup& lookup : lookups) {
      const std::optional<double> v = lookup(arch);
      if (!v) break;
      row.push_back(fmt::format("{}", *v));  // shortest text that reads back to the same double
    }
    if (row.size() == out.header.size()) out.rows.push_back(std::move(row));
  }
  if (out.rows.empty()) {
    throw DataError(fmt::format("none of the {} architectures has a value in every --cost column", archs.size()));
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
  command->add_option("--space", o->space, "search space (known: nb201)")->capture_default_str();
  command->add_option("--table", o->table,
                      "device table: CSV (.gz read directly) with an arch column and cost columns, "
                      "e.g. data/hwnasbench_nb201.csv.gz");
  command->add_option("--lut", o->lut, "latency LUT from `lut measure`: gives the columns latency_ms and energy_mj");
  command->add_option("--cost", o->costs,
                      "a cost column, e.g. c10_edgegpu_latency (--table) or latency_ms (--lut); once per column")
      ->required();
  command->add_option("--archs", o->archs,
                      "text file, one architecture string per line (blank lines skipped); "
                      "default: every architecture of the table");
  command->add_option("--out", o->out, "write here (atomically) instead of stdout");
  command->callback([o] { run(*o); });
}

}  // namespace prpnas::cli
