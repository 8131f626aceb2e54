#include "prpnas/pareto/seed_agreement.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/util/error.h"

namespace prpnas::pareto {

SeedAgreement seed_agreement(const std::vector<std::vector<double>>& values) {
  SeedAgreement a;
  a.cells = values.size();
  a.seeds = a.cells == 0 ? 0 : values.front().size();
  if (a.cells < 2 || a.seeds < 2) {
    throw ConfigError("seed agreement needs at least 2 cells and 2 seeds, got " + std::to_string(a.cells) +
                      " cells and " + std::to_string(a.seeds) + " seeds");
  }
  for (const auto& row : values) {
    if (row.size() != a.seeds) throw ConfigError("seed agreement: every cell needs a value for every seed");
  }

  // columns[seed][cell]: each seed's values, built once for the constant check and every pair.
  std::vector<std::vector<double>> columns(a.seeds);
  for (const auto& row : values) {
    for (std::size_t s = 0; s < a.seeds; ++s) columns[s].push_back(row[s]);
  }
  for (std::size_t s = 0; s < a.seeds; ++s) {
    const std::vector<double>& c = columns[s];
    if (std::all_of(c.begin(), c.end(), [&](double v) { return v == c.front(); })) {
      throw ConfigError("seed agreement: every cell has the same value under seed " + std::to_string(s + 1) +
                        ", so there is no order to compare");
    }
  }
  a.kendall_min = 1, a.kendall_max = -1;
  double kendall_sum = 0, abs_sum = 0;
  std::size_t pairs = 0;
  for (std::size_t s = 0; s < a.seeds; ++s) {
    for (std::size_t t = s + 1; t < a.seeds; ++t, ++pairs) {
      const double tau = kendall_tau_b(columns[s], columns[t]);
      kendall_sum += tau;
      a.kendall_min = std::min(a.kendall_min, tau);
      a.kendall_max = std::max(a.kendall_max, tau);
      for (std::size_t c = 0; c < a.cells; ++c) abs_sum += std::abs(columns[s][c] - columns[t][c]);
    }
  }
  a.kendall_mean = kendall_sum / static_cast<double>(pairs);
  a.mean_abs_difference = abs_sum / static_cast<double>(pairs * a.cells);

  // Within-cell variance (pooled, unbiased) and the variance of the cell means.
  const double k = static_cast<double>(a.seeds), n = static_cast<double>(a.cells);
  std::vector<double> means;
  double within = 0;
  for (const auto& row : values) {
    double mean = 0;
    for (double v : row) mean += v / k;
    double squares = 0;
    for (double v : row) squares += (v - mean) * (v - mean);
    within += squares / (k - 1) / n;
    means.push_back(mean);
  }
  double grand = 0, between_means = 0;
  for (double m : means) grand += m / n;
  for (double m : means) between_means += (m - grand) * (m - grand) / (n - 1);
  // A cell mean carries 1/k of the seed noise; what is left is the cells' own spread.
  const double cell_variance = std::max(0.0, between_means - within / k);
  a.seed_sd = std::sqrt(within);
  a.cell_sd = std::sqrt(cell_variance);
  a.reliability = cell_variance + within > 0 ? cell_variance / (cell_variance + within) : 1.0;
  return a;
}

double reliability_of_mean(double reliability, int k) {
  return k * reliability / (1 + (k - 1) * reliability);
}

double expected_kendall_to_cell_order(double reliability) {
  return 2 / M_PI * std::asin(std::sqrt(reliability));
}

}  // namespace prpnas::pareto
