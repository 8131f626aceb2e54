#include "prpnas/space/cost_table.h"

#include <string>

#include "prpnas/util/error.h"

namespace prpnas::space {

double CostTable::cost(const Architecture& arch) const {
  if (arch.size() != choice.size()) {
    throw Error("cost table has " + std::to_string(choice.size()) + " decisions, the architecture " +
                std::to_string(arch.size()));
  }
  double total = fixed;
  for (std::size_t d = 0; d < arch.size(); ++d) {
    if (arch[d] < 0 || static_cast<std::size_t>(arch[d]) >= choice[d].size()) {
      throw Error("cost table: choice " + std::to_string(arch[d]) + " of decision " + std::to_string(d) +
                  " is out of range");
    }
    total += choice[d][arch[d]];
  }
  return total;
}

}  // namespace prpnas::space
