// Problems for the search tests: a small grid space, seeded additive
// objectives (minimised: -accuracy, latency) over any space, and the truth
// by brute force over every architecture.
#ifndef PRPNAS_TESTS_SEARCH_SEARCH_PROBLEMS_H_
#define PRPNAS_TESTS_SEARCH_SEARCH_PROBLEMS_H_

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "prpnas/pareto/point.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/search/estimator.h"
#include "prpnas/space/cost_table.h"
#include "prpnas/space/enumeration.h"
#include "prpnas/space/search_space.h"
#include "prpnas/util/error.h"

namespace prpnas::test_search {

using space::Architecture;

inline std::set<Architecture> as_set(const std::vector<Architecture>& archs) { return {archs.begin(), archs.end()}; }

// `decisions` decisions of `choices` choices each, formatted "1-0-3".
class GridSpace : public space::SearchSpace {
 public:
  GridSpace(int decisions, int choices) : decisions_(decisions) {
    for (int c = 0; c < choices; ++c) names_.push_back(std::to_string(c));
  }
  std::string_view name() const override { return "grid"; }
  int num_decisions() const override { return decisions_; }
  const std::vector<std::string>& choices(int) const override { return names_; }
  std::string decision_name(int decision) const override { return fmt::format("d{}", decision); }
  std::string format(const Architecture& arch) const override {
    std::string text;
    for (std::size_t d = 0; d < arch.size(); ++d) {
      if (d) text += '-';  // not "-" + to_string(...): GCC 12 warns falsely (-Wstringop-overflow)
      text += std::to_string(arch[d]);
    }
    return text;
  }
  Architecture parse(std::string_view) const override { return {}; }  // unused by the searches

 private:
  int decisions_;
  std::vector<std::string> names_;
};

// Objective 0 = -(sum of an "accuracy" table), objective 1 = sum of a
// "latency" table; both tables [decision][choice] uniform in [0, 1) from `seed`.
struct AdditiveProblem {
  space::CostTable accuracy, latency;

  AdditiveProblem(const space::SearchSpace& space, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    const auto uniform = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
    for (int d = 0; d < space.num_decisions(); ++d) {
      accuracy.choice.emplace_back();
      latency.choice.emplace_back();
      for (std::size_t c = 0; c < space.choices(d).size(); ++c) {
        accuracy.choice.back().push_back(uniform());
        latency.choice.back().push_back(uniform());
      }
    }
  }
  std::vector<double> operator()(const Architecture& arch) const {
    return {-accuracy.cost(arch), latency.cost(arch)};
  }
};

// Every valid architecture of `space` with its objectives, in index order.
struct Truth {
  std::vector<Architecture> archs;
  pareto::Points points;
  std::set<Architecture> front;   // non-dominated architectures
  pareto::Point reference;        // worst of each objective, 1% of the range beyond

  Truth(const space::SearchSpace& space, const search::Estimator& estimator) {
    const space::Enumeration all(space);
    for (std::uint64_t i = 0; i < all.size(); ++i) {
      if (!space.is_valid(all.at(i))) continue;
      archs.push_back(all.at(i));
      points.push_back(estimator(archs.back()));
    }
    for (std::size_t i : pareto::non_dominated(points)) front.insert(archs[i]);
    for (std::size_t k = 0; k < points[0].size(); ++k) {
      double low = points[0][k], high = points[0][k];
      for (const pareto::Point& p : points) {
        low = std::min(low, p[k]);
        high = std::max(high, p[k]);
      }
      reference.push_back(high + 0.01 * (high - low));
    }
  }
};

// The ConfigError message of options.check(), or "" when it accepts them.
template <typename Options>
std::string check_message(const Options& options) {
  try {
    options.check();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace prpnas::test_search

#endif  // PRPNAS_TESTS_SEARCH_SEARCH_PROBLEMS_H_
