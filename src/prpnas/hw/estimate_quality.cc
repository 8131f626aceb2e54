#include "prpnas/hw/estimate_quality.h"

#include <cmath>
#include <cstddef>
#include <string>

#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {

double mape(const std::vector<double>& predicted, const std::vector<double>& actual) {
  if (predicted.size() != actual.size()) {
    throw Error("mape: " + std::to_string(predicted.size()) + " predicted values but " +
                std::to_string(actual.size()) + " actual ones; pass one prediction per measurement");
  }
  if (actual.empty()) throw Error("mape: no values; it needs at least one measurement");
  double sum = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    if (!std::isfinite(predicted[i])) {
      throw Error("mape: predicted[" + std::to_string(i) + "] is " + std::to_string(predicted[i]) +
                  "; every prediction must be a finite number");
    }
    if (!std::isfinite(actual[i]) || actual[i] <= 0) {
      throw Error("mape: actual[" + std::to_string(i) + "] is " + std::to_string(actual[i]) +
                  "; percentage errors need positive measurements");
    }
    sum += std::abs(predicted[i] - actual[i]) / actual[i];
  }
  return 100 * sum / static_cast<double>(actual.size());
}

EstimateQuality compare_estimates(const std::vector<double>& estimate, const std::vector<double>& measured) {
  EstimateQuality quality;
  quality.mape = mape(estimate, measured);
  quality.kendall_tau_b = pareto::kendall_tau_b(estimate, measured);
  quality.spearman = pareto::spearman_rho(estimate, measured);
  return quality;
}

}  // namespace prpnas::hw
