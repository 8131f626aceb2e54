// Kendall tau-b with a bootstrap interval over the judged cells: with 100
// cells tau has a standard error near 0.07, so a single figure says little.
// Each resample draws cells with replacement and recomputes the statistic on
// them, Pareto ranks included (a cell's rank depends on the others drawn).
// Resamples where tau is undefined (all cells tied) are left out
// (BootstrapOptions::drop_undefined); when tau is undefined on the cells
// themselves, every figure is NaN.
#ifndef PRPNAS_PARETO_KENDALL_INTERVAL_H_
#define PRPNAS_PARETO_KENDALL_INTERVAL_H_

#include <optional>
#include <vector>

#include "prpnas/pareto/bootstrap.h"
#include "prpnas/pareto/point.h"

namespace prpnas::pareto {

// tau-b of x against y (one value per cell). With `min_gap`, over the pairs
// whose y differ by more than it (kendall_tau_b_separated). Throws as
// bootstrap_interval does, DataError on unequal sizes.
ConfidenceInterval kendall_interval(const std::vector<double>& x, const std::vector<double>& y,
                                    const BootstrapOptions& options = {},
                                    std::optional<double> min_gap = std::nullopt);

// tau-b of the Pareto ranks of `estimated` against those of `truth` (one
// minimised point per cell in each, of one dimension per set).
ConfidenceInterval pareto_rank_kendall_interval(const Points& estimated, const Points& truth,
                                                const BootstrapOptions& options = {});

}  // namespace prpnas::pareto

#endif  // PRPNAS_PARETO_KENDALL_INTERVAL_H_
