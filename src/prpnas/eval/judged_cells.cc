#include "prpnas/eval/judged_cells.h"

#include <algorithm>

#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::eval {

pareto::Points JudgedCells::points(const std::vector<double>& accuracy) const {
  pareto::Points out;
  for (std::size_t r = 0; r < costs.size(); ++r) {
    pareto::Point p{-accuracy[r]};
    p.insert(p.end(), costs[r].begin(), costs[r].end());
    out.push_back(std::move(p));
  }
  return out;
}

pareto::Points JudgedCells::true_points() const { return points(true_accuracy); }

JudgedCells read_judged_cells(const std::string& path, std::size_t cost_count) {
  const CsvTable csv = read_csv(path);
  JudgedCells cells;
  const std::size_t arch = csv.column("arch");
  for (const auto& row : csv.rows) cells.archs.push_back(row[arch]);
  cells.true_accuracy = csv.numbers("true_accuracy");
  cells.estimate = csv.numbers("accuracy");
  cells.costs.resize(csv.rows.size());
  // The costs follow arch, true_accuracy and accuracy, in the run's order.
  if (csv.header.size() < 3 + cost_count) {
    throw DataError(path + ": " + std::to_string(cost_count) + " cost columns expected after arch, true_accuracy, "
                    "accuracy; judge the run again with this prpnas");
  }
  for (std::size_t k = 0; k < cost_count; ++k) {
    const std::vector<double> cost = csv.numbers(csv.header.at(3 + k));
    for (std::size_t r = 0; r < csv.rows.size(); ++r) cells.costs[r].push_back(cost[r]);
  }
  if (std::find(csv.header.begin(), csv.header.end(), "negated_alpha_score") != csv.header.end()) {
    cells.alpha_score = csv.numbers("negated_alpha_score");
  }
  return cells;
}

}  // namespace prpnas::eval
