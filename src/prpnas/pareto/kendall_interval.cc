#include "prpnas/pareto/kendall_interval.h"

#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

void check_sizes(std::size_t x, std::size_t y, const char* caller) {
  if (x != y) throw DataError(fmt::format("{}: {} cells on one side but {} on the other", caller, x, y));
}

template <typename T>
std::vector<T> picked(const std::vector<T>& values, const std::vector<std::size_t>& indices) {
  std::vector<T> out;
  out.reserve(indices.size());
  for (std::size_t i : indices) out.push_back(values[i]);
  return out;
}

std::vector<double> ranks_of(const Points& points) {
  const std::vector<int> ranks = pareto_ranks(points);
  return {ranks.begin(), ranks.end()};
}

// The interval of a tau: NaN throughout when tau is undefined on the sample.
ConfidenceInterval tau_interval(std::size_t size, const IndexStatistic& tau, BootstrapOptions options) {
  std::vector<std::size_t> all(size);
  for (std::size_t i = 0; i < size; ++i) all[i] = i;
  if (size == 0 || std::isnan(tau(all))) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan, nan};
  }
  options.drop_undefined = true;
  return bootstrap_interval(size, tau, options);
}

}  // namespace

ConfidenceInterval kendall_interval(const std::vector<double>& x, const std::vector<double>& y,
                                    const BootstrapOptions& options, std::optional<double> min_gap) {
  check_sizes(x.size(), y.size(), "kendall_interval");
  return tau_interval(
      x.size(),
      [&](const std::vector<std::size_t>& i) {
        return min_gap ? kendall_tau_b_separated(picked(x, i), picked(y, i), *min_gap)
                       : kendall_tau_b(picked(x, i), picked(y, i));
      },
      options);
}

ConfidenceInterval pareto_rank_kendall_interval(const Points& estimated, const Points& truth,
                                                const BootstrapOptions& options) {
  check_sizes(estimated.size(), truth.size(), "pareto_rank_kendall_interval");
  return tau_interval(
      estimated.size(),
      [&](const std::vector<std::size_t>& i) {
        return kendall_tau_b(ranks_of(picked(estimated, i)), ranks_of(picked(truth, i)));
      },
      options);
}

}  // namespace prpnas::pareto
