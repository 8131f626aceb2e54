// A learned model of a hardware cost (latency, energy) of the architectures
// of one search space, from their one-hot features (one_hot.h): fit on
// measured architectures, then predict unmeasured ones. The space must
// outlive the predictor. The same seed, data and machine give the same
// predictions. A predictor is used by one thread at a time.
#ifndef PRPNAS_HW_COST_PREDICTOR_H_
#define PRPNAS_HW_COST_PREDICTOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::hw {

class CostPredictor {
 public:
  CostPredictor(const space::SearchSpace& space, std::uint64_t seed) : space_(&space), seed_(seed) {}
  virtual ~CostPredictor() = default;
  CostPredictor(const CostPredictor&) = delete;
  CostPredictor& operator=(const CostPredictor&) = delete;

  // Learns y[i] as the cost of archs[i], replacing any earlier fit. Throws
  // prpnas::Error if the sizes differ, there are no architectures or a y is
  // not finite, ParseError if an architecture is not of the space.
  virtual void fit(const std::vector<space::Architecture>& archs, const std::vector<double>& y) = 0;
  // Throws prpnas::Error before fit, ParseError for an architecture not of the space.
  virtual double predict(const space::Architecture& arch) const = 0;
  // Short lowercase name for tables: "xgboost", "mlp".
  virtual std::string name() const = 0;

  // predict of each, possibly faster; equal to predict up to float rounding
  // (a batched matrix product may round differently).
  virtual std::vector<double> predict_all(const std::vector<space::Architecture>& archs) const;

  const space::SearchSpace& space() const { return *space_; }
  std::uint64_t seed() const { return seed_; }

 protected:
  // The checks fit promises above; messages name the predictor.
  void check_fit_inputs(const std::vector<space::Architecture>& archs, const std::vector<double>& y) const;
  // Throws prpnas::Error naming the predictor unless `fitted`.
  void check_fitted(bool fitted) const;

 private:
  const space::SearchSpace* space_;
  std::uint64_t seed_;
};

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_COST_PREDICTOR_H_
