// A search space for tests: decisions with the given numbers of choices
// ("op0", "op1", ...), no strings. 2, 3, 4 makes mixed radix differ from any
// fixed base.
#ifndef PRPNAS_TESTS_SPACE_COUNTED_SPACE_H_
#define PRPNAS_TESTS_SPACE_COUNTED_SPACE_H_

#include <fmt/core.h>

#include <string>
#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::testing {

class CountedSpace : public space::SearchSpace {
 public:
  explicit CountedSpace(std::vector<int> counts) {
    for (int n : counts) {
      std::vector<std::string> names;
      for (int c = 0; c < n; ++c) names.push_back(fmt::format("op{}", c));
      choices_.push_back(names);
    }
  }
  std::string_view name() const override { return "counted"; }
  int num_decisions() const override { return static_cast<int>(choices_.size()); }
  const std::vector<std::string>& choices(int decision) const override { return choices_.at(decision); }
  std::string decision_name(int decision) const override { return fmt::format("d{}", decision); }
  std::string format(const space::Architecture&) const override { return ""; }
  space::Architecture parse(std::string_view) const override { return {}; }

 private:
  std::vector<std::vector<std::string>> choices_;
};

}  // namespace prpnas::testing

#endif  // PRPNAS_TESTS_SPACE_COUNTED_SPACE_H_
