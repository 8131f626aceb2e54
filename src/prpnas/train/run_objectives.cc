#include "prpnas/train/run_objectives.h"

#include <algorithm>
#include <set>

#include "prpnas/pareto/hypervolume.h"
#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

const pareto::Objective kAccuracy{"accuracy", pareto::Sense::kMaximize};

// The cost of the costliest architecture: every decision at its costliest choice.
double largest_cost(const space::CostTable& table) {
  double total = table.fixed;
  for (const auto& row : table.choice) total += *std::max_element(row.begin(), row.end());
  return total;
}

}  // namespace

RunObjectives::RunObjectives(std::vector<CostObjective> costs) : costs_(std::move(costs)) {
  if (costs_.empty()) throw ConfigError("objectives: list at least one cost after accuracy, e.g. latency_ms:min");
  objectives_.push_back(kAccuracy);
  reference_.push_back(pareto::to_minimized(kAccuracy, 0.0));
  box_volume_ = 100.0;
  std::set<std::string> names = {kAccuracy.name};
  for (const CostObjective& cost : costs_) {
    if (cost.name.empty() || !names.insert(cost.name).second) {
      throw ConfigError("objectives: '" + cost.name + "' is empty or listed twice");
    }
    objectives_.push_back({cost.name, pareto::Sense::kMinimize});
    reference_.push_back(largest_cost(cost.table));
    box_volume_ *= reference_.back();
  }
}

std::vector<double> RunObjectives::costs_of(const space::Architecture& arch) const {
  std::vector<double> out;
  for (const CostObjective& cost : costs_) out.push_back(cost.table.cost(arch));
  return out;
}

pareto::Point RunObjectives::point(double accuracy, const space::Architecture& arch) const {
  pareto::Point p = {pareto::to_minimized(kAccuracy, accuracy)};
  for (double c : costs_of(arch)) p.push_back(c);
  return p;
}

pareto::Points RunObjectives::points(const std::vector<double>& accuracy,
                                     const std::vector<space::Architecture>& archs) const {
  pareto::Points out;
  for (std::size_t i = 0; i < archs.size(); ++i) out.push_back(point(accuracy[i], archs[i]));
  return out;
}

double RunObjectives::normalized_hypervolume(const pareto::Points& points) const {
  return pareto::hypervolume(points, reference_) / box_volume_;
}

}  // namespace prpnas::train
