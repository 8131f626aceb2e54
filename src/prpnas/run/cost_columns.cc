#include "prpnas/run/cost_columns.h"

#include <functional>
#include <optional>

#include <fmt/core.h>

#include "prpnas/hw/device_table.h"
#include "prpnas/hw/latency_table.h"
#include "prpnas/space/architecture_file.h"
#include "prpnas/util/error.h"

namespace prpnas::run {
namespace {

using CostLookup = std::function<std::optional<double>(const space::Architecture&)>;

// A table column is only usable when the table lists every architecture asked for.
void check_table_covers(const hw::DeviceTable& table, const std::vector<space::Architecture>& archs,
                        const space::SearchSpace& space, const CostSourceFiles& files) {
  std::size_t absent = 0;
  const space::Architecture* first_absent = nullptr;
  for (const auto& arch : archs) {
    if (table.contains(arch)) continue;
    if (absent++ == 0) first_absent = &arch;
  }
  if (absent > 0) {
    throw DataError(fmt::format("{} of {} architectures of {} are not in {}, the first: {}", absent, archs.size(),
                                files.archs, files.table, space.format(*first_absent)));
  }
}

}  // namespace

CostRows cost_columns(const space::SearchSpace& space, const CostSourceFiles& files,
                      const std::vector<std::string>& columns, std::FILE* log) {
  if (files.table.empty() && files.lut.empty()) {
    throw ConfigError("give --table, --lut or both: where the costs come from");
  }
  std::optional<hw::DeviceTable> table;
  if (!files.table.empty()) table = hw::load_device_table(files.table, space);
  std::optional<hw::LatencyTable> lut;
  if (!files.lut.empty()) lut = hw::read_latency_table(files.lut, space);
  if (files.archs.empty() && !table) {
    throw ConfigError("--archs is needed with --lut alone (a LUT lists no architectures)");
  }
  const std::vector<space::Architecture> archs =
      files.archs.empty() ? table->architectures() : space::read_architecture_file(files.archs, space);

  // LUT columns are estimates (fixed + one entry per decision); the rest are table columns.
  std::vector<CostLookup> lookups;
  for (const auto& c : columns) {
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
    check_table_covers(*table, archs, space, files);
    const hw::ColumnCoverage coverage = table->coverage(c, archs);
    if (coverage.missing > 0 && log) {
      fmt::print(log, "prpnas: excluded {} of {} architectures with no {}\n", coverage.missing, archs.size(), c);
    }
  }

  CostRows rows;
  for (const auto& arch : archs) {
    std::vector<double> costs;
    for (const CostLookup& lookup : lookups) {
      const std::optional<double> v = lookup(arch);
      if (!v) break;
      costs.push_back(*v);
    }
    if (costs.size() < lookups.size()) continue;
    rows.archs.push_back(arch);
    rows.costs.push_back(std::move(costs));
  }
  if (rows.archs.empty()) {
    throw DataError(fmt::format("none of the {} architectures has a value in every --cost column", archs.size()));
  }
  return rows;
}

}  // namespace prpnas::run
