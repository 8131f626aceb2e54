// Percentile bootstrap confidence intervals (Efron & Tibshirani 1993, ch. 13):
// how far a statistic of a few seeds, or of a sample of cells, could move if
// the sample were drawn again. Deterministic for a seed, with any standard
// library.
#ifndef PRPNAS_PARETO_BOOTSTRAP_H_
#define PRPNAS_PARETO_BOOTSTRAP_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace prpnas::pareto {

struct ConfidenceInterval {
  double estimate = 0;  // the statistic of the sample itself
  double low = 0, high = 0;
};

struct BootstrapOptions {
  std::size_t resamples = 10000;
  double level = 0.95;  // in (0, 1)
  std::uint64_t seed = 0;
  // Leave out resamples where the statistic is NaN instead of throwing: a
  // Kendall tau over a few cells is undefined on a resample whose cells are
  // all tied. The quantiles are then over the defined ones (NaN if none).
  bool drop_undefined = false;
};

// A statistic of the sample given by the indices of its members, repeats
// allowed: one interface for a mean of values and a Kendall tau over cells.
using IndexStatistic = std::function<double(const std::vector<std::size_t>& indices)>;

// `statistic` over the identity indices (the estimate) and over `resamples`
// draws of `sample_size` indices with replacement (std::mt19937_64(seed));
// low and high are the (1 - level)/2 and (1 + level)/2 quantiles of the
// resampled values, interpolated linearly between order statistics.
// Throws ConfigError on an empty sample or bad options, DataError when the
// statistic is NaN on the sample or (unless drop_undefined) a resample.
ConfidenceInterval bootstrap_interval(std::size_t sample_size, const IndexStatistic& statistic,
                                      const BootstrapOptions& options = {});

// The interval of the mean of `sample` (finite values).
ConfidenceInterval bootstrap_mean(const std::vector<double>& sample, const BootstrapOptions& options = {});

}  // namespace prpnas::pareto

#endif  // PRPNAS_PARETO_BOOTSTRAP_H_
