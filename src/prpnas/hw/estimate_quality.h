// How well a cost estimate (a lookup table, a predictor) matches measured
// costs: rank agreement, which is what a search needs, and relative error.
#ifndef PRPNAS_HW_ESTIMATE_QUALITY_H_
#define PRPNAS_HW_ESTIMATE_QUALITY_H_

#include <vector>

namespace prpnas::hw {

struct EstimateQuality {
  double kendall_tau_b = 0;  // pareto::kendall_tau_b(estimate, measured)
  double spearman = 0;       // pareto::spearman_rho(estimate, measured)
  double mape = 0;           // mape(estimate, measured), in %
};

// Mean absolute percentage error, 100 * mean(|predicted - actual| / actual).
// Throws prpnas::Error if the sizes differ, there are no values, a value is
// not finite, or an actual value is 0 or negative.
double mape(const std::vector<double>& predicted, const std::vector<double>& actual);

// All three at once, with the errors of mape. The correlations are NaN where
// they are undefined (fewer than 2 values, or a side constant).
EstimateQuality compare_estimates(const std::vector<double>& estimate, const std::vector<double>& measured);

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_ESTIMATE_QUALITY_H_
