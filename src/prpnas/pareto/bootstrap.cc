#include "prpnas/pareto/bootstrap.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include <fmt/format.h>

#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

// The q-quantile of sorted values, interpolated linearly between the order
// statistics around position q (n - 1) (numpy's default).
double sorted_quantile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const std::size_t below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double weight = position - static_cast<double>(below);
  return sorted[below] + weight * (sorted[above] - sorted[below]);
}

}  // namespace

ConfidenceInterval bootstrap_interval(std::size_t sample_size, const IndexStatistic& statistic,
                                      const BootstrapOptions& options) {
  if (sample_size == 0) throw ConfigError("bootstrap: the sample is empty; it needs at least one value");
  if (options.resamples == 0) throw ConfigError("bootstrap: 0 resamples; ask for at least one");
  if (!(options.level > 0 && options.level < 1)) {
    throw ConfigError(fmt::format("bootstrap: confidence level {} is not in (0, 1)", options.level));
  }
  std::vector<std::size_t> indices(sample_size);
  std::iota(indices.begin(), indices.end(), std::size_t{0});
  ConfidenceInterval interval;
  interval.estimate = statistic(indices);
  if (std::isnan(interval.estimate)) throw DataError("bootstrap: the statistic is NaN on the sample itself");

  // rng() % n, not std::uniform_int_distribution, so that a seed draws the
  // same resamples with every standard library; the bias is below n / 2^64.
  std::mt19937_64 rng(options.seed);
  std::vector<double> values;
  values.reserve(options.resamples);
  for (std::size_t b = 0; b < options.resamples; ++b) {
    for (std::size_t& i : indices) i = static_cast<std::size_t>(rng() % sample_size);
    const double value = statistic(indices);
    if (!std::isnan(value)) {
      values.push_back(value);
    } else if (!options.drop_undefined) {
      throw DataError(fmt::format("bootstrap: the statistic is NaN on resample {}; it must be defined on "
                                  "every resample",
                                  b + 1));
    }
  }
  if (values.empty()) {
    interval.low = interval.high = std::numeric_limits<double>::quiet_NaN();
    return interval;
  }
  std::sort(values.begin(), values.end());
  interval.low = sorted_quantile(values, (1 - options.level) / 2);
  interval.high = sorted_quantile(values, (1 + options.level) / 2);
  return interval;
}

ConfidenceInterval bootstrap_mean(const std::vector<double>& sample, const BootstrapOptions& options) {
  for (std::size_t i = 0; i < sample.size(); ++i) {
    if (!std::isfinite(sample[i])) {
      throw DataError(fmt::format("bootstrap_mean: value {} is {}; drop or fix it first", i,
                                  std::isnan(sample[i]) ? "NaN" : "infinite"));
    }
  }
  const auto mean = [&](const std::vector<std::size_t>& indices) {
    double sum = 0;
    for (std::size_t i : indices) sum += sample[i];
    return sum / static_cast<double>(indices.size());
  };
  return bootstrap_interval(sample.size(), mean, options);
}

}  // namespace prpnas::pareto
