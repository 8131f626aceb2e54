// The final front read from a trained alpha (docs/METHOD.md, "Front from
// alpha"). Per decision, p = softmax of alpha over the alive choices:
//   - if the best choice has p > fix_probability, it alone is kept (fixed);
//   - otherwise every alive choice with p >= keep_ratio * p_best is kept.
// The candidates are the Cartesian product of the kept choices, decision 0
// most significant, choices ascending (the order of SearchSpace::index).
// When the product exceeds max_candidates, keep_ratio rises step by step:
// each step raises it to just above the smallest kept p / p_best below 1
// (over all decisions), which drops those weakest choices, until the product
// fits. If only choices tied with their decision's best remain and it still
// does not fit, decisions are cut to their best (lowest index) one at a time,
// from decision 0, until it does. The front is then the non-dominated
// candidates under an estimator. Pure: no torch.
#ifndef PRPNAS_SEARCH_FRONT_FROM_ALPHA_H_
#define PRPNAS_SEARCH_FRONT_FROM_ALPHA_H_

#include <cstddef>
#include <vector>

#include "prpnas/search/estimator.h"
#include "prpnas/space/search_space.h"

namespace prpnas::search {

struct FrontFromAlphaOptions {
  double fix_probability = 0.6;
  double keep_ratio = 0.5;
  std::size_t max_candidates = 4096;

  // Throws ConfigError naming the field: 0 < fix_probability <= 1,
  // 0 <= keep_ratio <= 1, max_candidates >= 1.
  void check() const;
};

// The candidates above. alpha[d] has at least alive[d].size() entries (more
// are dead); every decision needs an alive choice with a finite alpha.
// Throws Error (ConfigError for options) otherwise.
std::vector<space::Architecture> alpha_candidates(const std::vector<std::vector<double>>& alpha,
                                                  const space::ChoiceMask& alive,
                                                  const FrontFromAlphaOptions& options = {});

// The candidates whose estimated objective vectors (minimised) are
// non-dominated (Pareto rank 1; identical vectors are all kept), in candidate
// order. Calls the estimator once per candidate; throws Error if the vectors
// differ in size or hold NaN (pareto::pareto_ranks).
std::vector<space::Architecture> front_from_alpha(const std::vector<space::Architecture>& candidates,
                                                  const Estimator& estimator);

}  // namespace prpnas::search

#endif  // PRPNAS_SEARCH_FRONT_FROM_ALPHA_H_
