// A search over a trained supernet run (`prpnas search`): the estimator is
// the supernet's shared-weight accuracy (BN recalibrated, as in the run's
// judgement) and the run's LUT latency; NSGA-II, random search or the front
// from alpha spend at most `budget` estimator calls, using only the choices
// the run left alive.
#ifndef PRPNAS_RUN_SEARCH_RUN_H_
#define PRPNAS_RUN_SEARCH_RUN_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "prpnas/pareto/objective.h"
#include "prpnas/search/search_result.h"
#include "prpnas/space/search_space.h"

namespace prpnas::run {

// A trained run estimates accuracy (shared weights) and the costs of its
// config's objectives (its cost tables), by name.
inline constexpr const char* kSupernetAccuracy = "accuracy";

struct SearchRunOptions {
  std::string run_dir;                         // of `prpnas train --out`
  std::string algorithm = "nsga2";             // nsga2, random or alpha
  std::vector<pareto::Objective> objectives;   // among accuracy and the run's costs
  std::size_t budget = 200;                    // estimator calls (distinct architectures)
  std::size_t population = 32;                 // NSGA-II's
  std::uint64_t seed = 0;
  // "" = the run's LUT; else a latency table timed on any network of the
  // run's space (`lut import`, `lut measure`): one supernet, another device.
  std::string lut;
};

struct SearchRun {
  std::unique_ptr<space::SearchSpace> space;  // the run's
  search::SearchResult result;  // objectives minimised, in the order of options.objectives
  int64_t step = 0;             // weight steps the searched supernet was trained for
  double seconds = 0;           // of the search
};

// Throws ConfigError when run_dir is no training run or an objective is not
// one a run estimates. `progress` (may be null) gets the progress line and a
// warning when the run stopped before its budget.
SearchRun search_trained_run(const SearchRunOptions& options, std::FILE* progress);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_SEARCH_RUN_H_
