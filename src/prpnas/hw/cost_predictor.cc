#include "prpnas/hw/cost_predictor.h"

#include <cmath>
#include <cstddef>

#include "prpnas/util/error.h"

namespace prpnas::hw {

std::vector<double> CostPredictor::predict_all(const std::vector<space::Architecture>& archs) const {
  std::vector<double> out;
  out.reserve(archs.size());
  for (const space::Architecture& arch : archs) out.push_back(predict(arch));
  return out;
}

void CostPredictor::check_fit_inputs(const std::vector<space::Architecture>& archs,
                                     const std::vector<double>& y) const {
  if (archs.size() != y.size()) {
    throw Error(name() + " predictor: " + std::to_string(archs.size()) + " architectures but " +
                std::to_string(y.size()) + " costs; pass one cost per architecture");
  }
  if (archs.empty()) throw Error(name() + " predictor: nothing to fit; pass at least one measured architecture");
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (!std::isfinite(y[i])) {
      throw Error(name() + " predictor: cost[" + std::to_string(i) + "] is " + std::to_string(y[i]) +
                  "; drop architectures whose measurement failed");
    }
    space_->check(archs[i]);
  }
}

void CostPredictor::check_fitted(bool fitted) const {
  if (!fitted) throw Error(name() + " predictor: predict called before fit; fit it on measured architectures first");
}

}  // namespace prpnas::hw
