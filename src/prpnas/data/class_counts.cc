#include "prpnas/data/class_counts.h"

namespace prpnas::data {

std::vector<int64_t> class_counts(const ImageSet& set, int num_classes) {
  const torch::Tensor counts = torch::bincount(set.labels, {}, num_classes);
  std::vector<int64_t> out(num_classes);
  for (int c = 0; c < num_classes; ++c) out[c] = counts[c].item<int64_t>();
  return out;
}

}  // namespace prpnas::data
