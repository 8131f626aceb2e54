// The objectives a training run ranks and judges by: accuracy (maximised,
// estimated by the supernet or known stand-alone) first, then any number of
// additive costs (minimised: latency, energy, parameters, FLOPs), each a
// table over the space's choices. Step 2's Pareto ranks, the Kendall
// columns, the hypervolume and the fronts all use every objective listed.
#ifndef PRPNAS_TRAIN_RUN_OBJECTIVES_H_
#define PRPNAS_TRAIN_RUN_OBJECTIVES_H_

#include <string>
#include <vector>

#include "prpnas/pareto/objective.h"
#include "prpnas/pareto/point.h"
#include "prpnas/space/cost_table.h"

namespace prpnas::train {

struct CostObjective {
  std::string name;  // a column name, e.g. "latency_ms"
  space::CostTable table;
};

class RunObjectives {
 public:
  // Throws ConfigError without a cost, or for a repeated or empty name.
  explicit RunObjectives(std::vector<CostObjective> costs);

  // accuracy:max, then each cost:min.
  const std::vector<pareto::Objective>& objectives() const { return objectives_; }
  const std::vector<CostObjective>& costs() const { return costs_; }

  std::vector<double> costs_of(const space::Architecture& arch) const;
  // Minimised points (pareto/objective.h negates the accuracy).
  pareto::Point point(double accuracy, const space::Architecture& arch) const;
  pareto::Points points(const std::vector<double>& accuracy, const std::vector<space::Architecture>& archs) const;

  // Share of the box [0 %, 100 %] x [0, largest cost of any architecture]
  // per cost that `points` dominate, in [0, 1].
  double normalized_hypervolume(const pareto::Points& points) const;

 private:
  std::vector<CostObjective> costs_;
  std::vector<pareto::Objective> objectives_;
  pareto::Point reference_;  // (0 % accuracy, largest cost of each table), minimised
  double box_volume_ = 0;
};

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_RUN_OBJECTIVES_H_
