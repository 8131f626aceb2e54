// How repeatable a measurement is across seeds: is the order of the cells a
// property of the cells, or of the seeds they happened to be trained with?
// Used to choose a ground-truth fidelity (data/ground_truth/README.md).
#ifndef PRPNAS_PARETO_SEED_AGREEMENT_H_
#define PRPNAS_PARETO_SEED_AGREEMENT_H_

#include <cstddef>
#include <vector>

namespace prpnas::pareto {

struct SeedAgreement {
  std::size_t cells = 0, seeds = 0;
  // Kendall tau-b between the cells' values under two seeds, over every pair of seeds.
  double kendall_mean = 0, kendall_min = 0, kendall_max = 0;
  double mean_abs_difference = 0;  // |value(seed a) - value(seed b)|, over cells and seed pairs
  // One-way random-effects split of the variance: seed_sd is the noise of one
  // training run, cell_sd the spread of the cells' own (seed-averaged) values.
  double seed_sd = 0, cell_sd = 0;
  // cell_sd^2 / (cell_sd^2 + seed_sd^2): the share of one run's variance that
  // belongs to the cell. 1 = seeds agree exactly, 0 = the order is noise.
  double reliability = 0;
};

// values[cell][seed]: at least 2 cells and 2 seeds, the same number of seeds per cell.
SeedAgreement seed_agreement(const std::vector<std::vector<double>>& values);

// Reliability of the mean of k seeds (Spearman-Brown): k r / (1 + (k - 1) r).
double reliability_of_mean(double reliability, int k);

// Expected Kendall tau between one run's values and the cells' own values
// (the limit of many seeds), if both are normal: 2/pi asin(sqrt(reliability)).
double expected_kendall_to_cell_order(double reliability);

}  // namespace prpnas::pareto

#endif  // PRPNAS_PARETO_SEED_AGREEMENT_H_
