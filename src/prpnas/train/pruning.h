// Step 3 of the method: prune operations that only the worst sub-networks use
// (docs/METHOD.md). Given S sampled architectures and their Pareto ranks
// (1 = best), let K be the number of distinct ranks among them and
//   w = min(K - 1, ceil(worst_fraction * K))
// the worst samples are those whose rank is one of the w largest distinct
// ranks; the others are the better samples. (Distinct ranks, not a count of
// samples, so a front is never split at the cut; and at least the best rank
// stays "better", so one front alone prunes nothing.)
// An alive choice is pruned when it appears in at least one worst sample and
// in no better sample. A choice no sample uses is kept (no evidence). A
// decision never loses its last alive choice: if every alive choice of a
// decision qualifies, the one whose best (smallest) rank among the samples
// is smallest stays (lowest index on ties). Pure: no torch.
#ifndef PRPNAS_TRAIN_PRUNING_H_
#define PRPNAS_TRAIN_PRUNING_H_

#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::train {

struct PruneEvent {
  int decision = 0;
  int choice = 0;
  bool operator==(const PruneEvent&) const = default;
};

// Masks out the choices the rule above condemns, in `alive`, and returns them
// in (decision, choice) order. Throws Error unless sampled and ranks have the
// same size, ranks are >= 1, every architecture has one in-range choice per
// row of `alive`, and 0 <= worst_fraction <= 1 (ConfigError for the last).
std::vector<PruneEvent> prune_worst(space::ChoiceMask& alive, const std::vector<space::Architecture>& sampled,
                                    const std::vector<int>& ranks, double worst_fraction);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_PRUNING_H_
