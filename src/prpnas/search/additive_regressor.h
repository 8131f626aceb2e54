// An additive model of one objective over a search space,
//   y(arch) ~ intercept + sum over decisions d of weights[d][arch[d]],
// fitted by ridge-regularised least squares on one-hot features, one per
// (decision, choice). It is the surrogate of the "surrogate" baseline
// (surrogate_search.h): the simplest regressor that can rank every cell of a
// space from a few queried ones, and exact when the objective is additive,
// as costs from a lookup table are (space::CostTable).
//
// The fit minimises
//   sum over samples i of (y_i - intercept - sum_d w[d][arch_i[d]])^2 + ridge * sum_{d,c} w[d][c]^2,
// the intercept unpenalised. The one-hot features of a decision always sum to
// 1, so without a penalty a constant can move between a decision's weights
// and the intercept: ridge 0 picks the weights of smallest norm (the limit of
// ridge -> 0), and a choice absent from the samples gets weight 0 either way.
// Solved on the centred features (the intercept eliminated) by a complete
// orthogonal decomposition of [X; sqrt(ridge) I], i.e. column-pivoting
// Householder QR (Eigen), never forming the normal equations.
//
// Deterministic: no randomness. Pure: no torch.
#ifndef PRPNAS_SEARCH_ADDITIVE_REGRESSOR_H_
#define PRPNAS_SEARCH_ADDITIVE_REGRESSOR_H_

#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::search {

class AdditiveRegressor {
 public:
  // Fits targets[i] ~ archs[i]. Throws ConfigError when `archs` is empty, when
  // `targets` is not as long, or when `ridge` is negative or not finite;
  // ParseError for an architecture the space rejects (SearchSpace::check);
  // DataError naming the sample for a target that is NaN or infinite. The
  // architectures need not be distinct or valid.
  static AdditiveRegressor fit(const space::SearchSpace& space, const std::vector<space::Architecture>& archs,
                               const std::vector<double>& targets, double ridge = 1e-3);

  // intercept() + the weight of each choice of `arch`. Throws Error unless
  // `arch` has one in-range choice per decision of the fitted space.
  double predict(const space::Architecture& arch) const;

  // [decision][choice], shaped as the space's choice lists.
  const std::vector<std::vector<double>>& weights() const { return weights_; }
  double intercept() const { return intercept_; }

 private:
  AdditiveRegressor() = default;

  std::vector<std::vector<double>> weights_;
  double intercept_ = 0;
};

}  // namespace prpnas::search

#endif  // PRPNAS_SEARCH_ADDITIVE_REGRESSOR_H_
