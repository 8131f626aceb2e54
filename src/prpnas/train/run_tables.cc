#include "prpnas/train/run_tables.h"

#include <fmt/core.h>

#include "prpnas/train/methods/training_method.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/number_cell.h"

namespace prpnas::train {
namespace {

std::string alpha_cell(double value) { return fmt::format("{:.9g}", value); }

}  // namespace

void record_alpha(SupernetRun& run) {
  const auto alpha = run.alpha.alpha_values();
  for (int d = 0; d < run.space.num_decisions(); ++d) {
    for (std::size_t c = 0; c < run.space.choices(d).size(); ++c) {
      run.state.alpha_history.push_back({std::to_string(run.state.step), run.space.decision_name(d),
                                         run.space.choices(d)[c], alpha_cell(alpha[d][c]),
                                         run.state.alive[d][c] ? "1" : "0"});
    }
  }
}

void write_run_tables(const SupernetRun& run) {
  const RunLayout& layout = run.layout;
  const RunState& state = run.state;
  write_csv_file(layout.log(), CsvTable{"log.csv", kLogHeader, state.log, {}});
  if (run.method.trains_alpha()) {
    write_csv_file(layout.alpha_history(), CsvTable{"alpha_history.csv",
                                                    {"step", "decision", "choice", "alpha", "alive"},
                                                    state.alpha_history,
                                                    {}});
  }
  const auto alpha = run.alpha.alpha_values();
  CsvTable alpha_csv{"alpha.csv", {"decision", "choice", "alpha", "alive"}, {}, {}};
  CsvTable mask_csv{"mask.csv", {"decision", "choice", "alive", "pruned_at_step"}, {}, {}};
  for (int d = 0; d < run.space.num_decisions(); ++d) {
    for (std::size_t c = 0; c < run.space.choices(d).size(); ++c) {
      const std::string decision = run.space.decision_name(d), choice = run.space.choices(d)[c];
      const std::string alive = state.alive[d][c] ? "1" : "0";
      const int64_t pruned = state.pruned_at[d][c];
      alpha_csv.rows.push_back({decision, choice, alpha_cell(alpha[d][c]), alive});
      mask_csv.rows.push_back({decision, choice, alive, pruned ? std::to_string(pruned) : ""});
    }
  }
  write_csv_file(layout.alpha(), alpha_csv);
  write_csv_file(layout.mask(), mask_csv);
  if (!state.pool.empty()) {
    CsvTable pool{"pool.csv", {"arch", "accuracy"}, {}, {}};
    for (const CostObjective& cost : run.objectives.costs()) pool.header.push_back(cost.name);
    for (std::size_t i = 0; i < state.pool.archs.size(); ++i) {
      std::vector<std::string> row = {run.space.format(state.pool.archs[i]), number_cell(state.pool.accuracy[i])};
      for (std::size_t k = 1; k < run.pool_points[i].size(); ++k) row.push_back(number_cell(run.pool_points[i][k]));
      pool.rows.push_back(std::move(row));
    }
    write_csv_file(layout.pool(), pool);
  }
}

}  // namespace prpnas::train
