// Architectures with a known accuracy in % (stand-alone ground truth, a
// table, or a supernet's estimates).
#ifndef PRPNAS_TRAIN_SCORED_ARCHITECTURES_H_
#define PRPNAS_TRAIN_SCORED_ARCHITECTURES_H_

#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::train {

struct ScoredArchitectures {
  std::vector<space::Architecture> archs;
  std::vector<double> accuracy;
  bool empty() const { return archs.empty(); }
};

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_SCORED_ARCHITECTURES_H_
