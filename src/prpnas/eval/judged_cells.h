// A run's last judgement read back (judged.csv, train/run_judgement.h): the
// judged cells with their stand-alone and estimated accuracies and costs.
#ifndef PRPNAS_EVAL_JUDGED_CELLS_H_
#define PRPNAS_EVAL_JUDGED_CELLS_H_

#include <string>
#include <vector>

#include "prpnas/pareto/point.h"

namespace prpnas::eval {

struct JudgedCells {
  std::vector<std::string> archs;  // native strings
  std::vector<double> true_accuracy, estimate;
  pareto::Points costs;             // one point of `cost_count` costs per cell
  std::vector<double> alpha_score;  // negated_alpha_score; empty for runs without alpha
  // Minimised points of the truth: (-true accuracy, costs...).
  pareto::Points true_points() const;
  // (-accuracy, costs...) for any accuracy per cell, e.g. `estimate`.
  pareto::Points points(const std::vector<double>& accuracy) const;
};

// Throws DataError naming the file when a column is missing or not a number.
JudgedCells read_judged_cells(const std::string& path, std::size_t cost_count);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_JUDGED_CELLS_H_
