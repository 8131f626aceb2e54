// The rows of a supernet experiment that train nothing: the floors a method
// must rise above (docs/METHOD.md, "The floor"). Both answer from the same
// shared candidates as the methods and are judged like them.
// - "cost-only": every accuracy estimate equal. Its front is the cheapest
//   candidate (on every method's front too, the costs being exact) and its
//   order the costs' own.
// - "random-estimates": an estimator that knows nothing but answers anyway:
//   one uniform random accuracy per architecture, drawn from the seed. Its
//   front is as large as a noisy supernet's, so it is the floor for the front
//   figures (hv_ratio, hits) too, where a lone cheapest network is not.
#ifndef PRPNAS_EVAL_FLOOR_ROWS_H_
#define PRPNAS_EVAL_FLOOR_ROWS_H_

#include <cstdint>
#include <string_view>

#include "prpnas/eval/experiment.h"
#include "prpnas/eval/judged_cells.h"
#include "prpnas/space/search_space.h"

namespace prpnas::eval {

// `cells`: a run's judged cells, for the Kendall figures (NaN without any).
MethodOutcome cost_only_outcome(const space::SearchSpace& space, const ExperimentInputs& inputs,
                                const JudgedCells& cells);
MethodOutcome random_estimates_outcome(const space::SearchSpace& space, const ExperimentInputs& inputs,
                                       const JudgedCells& cells);

// In [0, 1): a function of the seed and the native string alone, so that an
// architecture gets the same estimate as a candidate and as a judged cell.
double random_estimate(std::uint64_t seed, std::string_view arch);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_FLOOR_ROWS_H_
