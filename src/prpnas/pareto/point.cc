#include "prpnas/pareto/point.h"

#include <cstddef>

namespace prpnas::pareto {

bool dominates(const Point& a, const Point& b) {
  bool better = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) better = true;
  }
  return better;
}

bool strictly_dominates(const Point& a, const Point& b) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!(a[i] < b[i])) return false;
  }
  return true;
}

}  // namespace prpnas::pareto
