// How many images of each class a set holds (`prpnas data check`).
#ifndef PRPNAS_DATA_CLASS_COUNTS_H_
#define PRPNAS_DATA_CLASS_COUNTS_H_

#include <cstdint>
#include <vector>

#include "prpnas/data/image_dataset.h"

namespace prpnas::data {

// counts[c] = images labelled c, for c in [0, num_classes).
std::vector<int64_t> class_counts(const ImageSet& set, int num_classes);

}  // namespace prpnas::data

#endif  // PRPNAS_DATA_CLASS_COUNTS_H_
