// An additive cost over a search space: a fixed part (stem, reductions, head)
// plus one entry per (decision, choice), so that
//   cost(arch) = fixed + sum over decisions d of choice[d][arch[d]].
// Exact for params and FLOPs, whose ops do not interact; latency lookup
// tables have the same shape.
#ifndef PRPNAS_SPACE_COST_TABLE_H_
#define PRPNAS_SPACE_COST_TABLE_H_

#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::space {

struct CostTable {
  double fixed = 0;
  std::vector<std::vector<double>> choice;  // [decision][choice]

  // Throws prpnas::Error unless arch has one in-range choice per decision.
  double cost(const Architecture& arch) const;
};

}  // namespace prpnas::space

#endif  // PRPNAS_SPACE_COST_TABLE_H_
