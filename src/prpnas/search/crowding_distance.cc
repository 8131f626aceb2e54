#include "prpnas/search/crowding_distance.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>

#include <fmt/format.h>

#include "prpnas/util/error.h"

namespace prpnas::search {

std::vector<double> crowding_distances(const pareto::Points& front) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const std::size_t n = front.size();
  if (n == 0) return {};
  const std::size_t dims = front[0].size();
  for (std::size_t i = 0; i < n; ++i) {
    if (front[i].size() != dims) {
      throw Error(fmt::format("crowding distance: point {} has {} objectives but point 0 has {}; "
                              "all points need the same",
                              i, front[i].size(), dims));
    }
    for (double v : front[i]) {
      if (std::isnan(v)) throw Error(fmt::format("crowding distance: point {} has a NaN objective; drop or fix it", i));
    }
  }
  std::vector<double> distance(n, 0.0);
  if (n <= 2) {
    distance.assign(n, kInf);
    return distance;
  }
  std::vector<std::size_t> order(n);
  for (std::size_t k = 0; k < dims; ++k) {
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return front[a][k] < front[b][k] || (front[a][k] == front[b][k] && a < b);
    });
    const double span = front[order[n - 1]][k] - front[order[0]][k];
    if (span == 0) continue;
    distance[order[0]] = kInf;
    distance[order[n - 1]] = kInf;
    for (std::size_t j = 1; j + 1 < n; ++j) {
      const double share = (front[order[j + 1]][k] - front[order[j - 1]][k]) / span;
      if (!std::isnan(share)) distance[order[j]] += share;  // inf - inf or inf / inf
    }
  }
  return distance;
}

}  // namespace prpnas::search
