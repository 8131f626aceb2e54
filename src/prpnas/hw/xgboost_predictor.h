// Gradient-boosted trees (libxgboost's C API) on one-hot features, the usual
// baseline of HW-NAS latency predictors. Fixed hyper-parameters: squared
// error, 300 rounds, eta 0.1, max_depth 3, exact tree method, one thread,
// base score the mean of the targets, xgboost's `seed` the constructor's
// (without row or column subsampling nothing is random, so any seed gives
// the same trees). Shallow trees because latency is close to additive over
// decisions: on the synthetic test (300 training cells) depth 6 overfits,
// Kendall tau 0.78-0.84 against 0.87-0.90 at depth 3.
// Fits the costs themselves: trees need no scaling of the targets.
#ifndef PRPNAS_HW_XGBOOST_PREDICTOR_H_
#define PRPNAS_HW_XGBOOST_PREDICTOR_H_

#include <memory>

#include "prpnas/hw/cost_predictor.h"

namespace prpnas::hw {

class XgboostPredictor : public CostPredictor {
 public:
  using CostPredictor::CostPredictor;

  // Any failure inside xgboost is a prpnas::Error with xgboost's message.
  void fit(const std::vector<space::Architecture>& archs, const std::vector<double>& y) override;
  double predict(const space::Architecture& arch) const override;
  std::vector<double> predict_all(const std::vector<space::Architecture>& archs) const override;
  std::string name() const override { return "xgboost"; }

 private:
  struct BoosterFree {
    void operator()(void* booster) const;
  };
  std::unique_ptr<void, BoosterFree> booster_;  // a BoosterHandle; null before fit
};

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_XGBOOST_PREDICTOR_H_
