// Rank correlations used to judge estimators, defined as the usual statistics
// packages define them (scipy.stats.kendalltau / spearmanr).
#ifndef PRPNAS_PARETO_RANK_CORRELATION_H_
#define PRPNAS_PARETO_RANK_CORRELATION_H_

#include <vector>

namespace prpnas::pareto {

// Kendall's tau-b (ties corrected), O(n log n) by Knight's algorithm.
// NaN when undefined: fewer than 2 values or either side constant.
double kendall_tau_b(const std::vector<double>& x, const std::vector<double>& y);

// Kendall's tau-b over the pairs (i, j) whose y differ by more than
// `min_gap` only (|y_i - y_j| > min_gap >= 0): the order of pairs the truth
// itself separates beyond its noise (e.g. two seeds' spread). Ties in x count
// as in tau-b; y has none among these pairs. O(n^2). NaN when no pair, or no
// pair untied in x, remains; Error on NaN input or a negative min_gap.
double kendall_tau_b_separated(const std::vector<double>& x, const std::vector<double>& y, double min_gap);

// Spearman's rho: Pearson correlation of average ranks (ties share the mean
// rank). NaN when undefined, as above.
double spearman_rho(const std::vector<double>& x, const std::vector<double>& y);

// Average ranks (1-based, ties get the mean of their positions).
std::vector<double> average_ranks(const std::vector<double>& values);

}  // namespace prpnas::pareto

#endif  // PRPNAS_PARETO_RANK_CORRELATION_H_
