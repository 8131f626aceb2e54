#include "prpnas/hw/one_hot.h"

#include <cstddef>

namespace prpnas::hw {

int one_hot_width(const space::SearchSpace& space) {
  int width = 0;
  for (int d = 0; d < space.num_decisions(); ++d) width += static_cast<int>(space.choices(d).size());
  return width;
}

std::vector<float> one_hot(const space::SearchSpace& space, const space::Architecture& arch) {
  return one_hot_rows(space, {arch});
}

std::vector<float> one_hot_rows(const space::SearchSpace& space,
                                const std::vector<space::Architecture>& archs) {
  const std::size_t width = one_hot_width(space);
  std::vector<float> rows(archs.size() * width, 0.0f);
  for (std::size_t i = 0; i < archs.size(); ++i) {
    space.check(archs[i]);
    std::size_t offset = i * width;
    for (int d = 0; d < space.num_decisions(); ++d) {
      rows[offset + archs[i][d]] = 1.0f;
      offset += space.choices(d).size();
    }
  }
  return rows;
}

}  // namespace prpnas::hw
