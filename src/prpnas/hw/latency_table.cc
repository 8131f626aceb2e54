#include "prpnas/hw/latency_table.h"

#include <algorithm>
#include <cmath>

#include <fmt/core.h>

#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {

namespace {

const std::vector<std::string> kHeader = {"decision", "choice", "median_ms", "mad_ms", "samples", "energy_mj"};

}  // namespace

space::CostTable LatencyTable::latency_ms() const {
  space::CostTable table;
  for (const auto& [name, t] : fixed) table.fixed += t.median_ms;
  for (const auto& row : choice) {
    table.choice.emplace_back();
    for (const TimingSummary& t : row) table.choice.back().push_back(t.median_ms);
  }
  return table;
}

space::CostTable LatencyTable::energy_mj() const {
  const std::optional<double> recorded = setup.power_watts();
  if (!recorded) {
    throw ConfigError("the latency table records no average power (energy.power_watts), so it gives no energy; "
                      "re-measure it with this version");
  }
  const double watts = *recorded;
  space::CostTable table = latency_ms();
  table.fixed *= watts;  // W x ms = mJ
  for (auto& row : table.choice) {
    for (double& x : row) x *= watts;
  }
  return table;
}

void write_latency_table(const std::string& path, const LatencyTable& table, const space::SearchSpace& space) {
  auto row = [&](const std::string& decision, const std::string& choice, const TimingSummary& t) {
    std::vector<std::string> cells = {decision, choice};
    for (std::string& cell : timing_fields(t, table.setup.power_watts())) cells.push_back(std::move(cell));
    return cells;
  };
  CsvTable csv;
  csv.header = kHeader;
  for (const auto& [name, t] : table.fixed) csv.rows.push_back(row("fixed", name, t));
  for (int d = 0; d < space.num_decisions(); ++d) {
    for (std::size_t c = 0; c < space.choices(d).size(); ++c) {
      csv.rows.push_back(row(space.decision_name(d), space.choices(d)[c], table.choice.at(d).at(c)));
    }
  }
  write_with_setup(path, csv, table.setup);
}

LatencyTable read_latency_table(const std::string& path, const space::SearchSpace& space) {
  LatencyTable table;
  table.setup = read_setup_sidecar(path);
  if (table.setup.space != space.name()) {
    throw ConfigError(fmt::format("{} is a latency table for space '{}', not '{}'; measure one with "
                                  "`prpnas lut measure --space {}`",
                                  path, table.setup.space, space.name(), space.name()));
  }
  const CsvTable csv = read_csv(path);
  for (const std::string& name : kHeader) csv.column(name);  // names a missing column
  const std::size_t decision_col = csv.column("decision"), choice_col = csv.column("choice");
  const std::vector<double> median = csv.numbers("median_ms"), mad = csv.numbers("mad_ms"),
                            samples = csv.numbers("samples");

  std::vector<std::vector<bool>> seen(space.num_decisions());
  table.choice.resize(space.num_decisions());
  for (int d = 0; d < space.num_decisions(); ++d) {
    seen[d].assign(space.choices(d).size(), false);
    table.choice[d].resize(space.choices(d).size());
  }
  for (std::size_t i = 0; i < csv.rows.size(); ++i) {
    const std::string where = fmt::format("{}:{}", path, csv.lines[i]);
    if (median[i] < 0 || mad[i] < 0 || samples[i] < 0) {
      throw DataError(where + ": negative time or count; re-measure the table");
    }
    const TimingSummary t{median[i], mad[i], static_cast<int>(samples[i])};
    const std::string& decision = csv.rows[i][decision_col];
    const std::string& choice = csv.rows[i][choice_col];
    if (decision == "fixed") {
      table.fixed.emplace_back(choice, t);
      continue;
    }
    int d = 0;
    while (d < space.num_decisions() && space.decision_name(d) != decision) ++d;
    if (d == space.num_decisions()) {
      throw DataError(fmt::format("{}: decision '{}' is not one of space {}'s (e.g. '{}')", where, decision,
                                  space.name(), space.decision_name(0)));
    }
    const auto& names = space.choices(d);
    const auto c = static_cast<std::size_t>(std::find(names.begin(), names.end(), choice) - names.begin());
    if (c == names.size()) throw DataError(fmt::format("{}: '{}' is not a choice of {}", where, choice, decision));
    if (seen[d][c]) throw DataError(fmt::format("{}: second entry for {} / {}", where, decision, choice));
    seen[d][c] = true;
    table.choice[d][c] = t;
  }
  for (int d = 0; d < space.num_decisions(); ++d) {
    for (std::size_t c = 0; c < seen[d].size(); ++c) {
      if (!seen[d][c]) {
        throw DataError(fmt::format("{}: no entry for {} / {}; the table is incomplete, re-measure it", path,
                                    space.decision_name(d), space.choices(d)[c]));
      }
    }
  }
  return table;
}

}  // namespace prpnas::hw
