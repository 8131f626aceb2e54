// An Estimator behind a memo and a budget. The budget counts distinct
// architectures, i.e. estimator calls: asking again for an architecture
// already evaluated is free and returns the stored vector. Searches compare
// each other at equal budgets through this class, and read back what they
// evaluated in evaluation order. Pure: no torch.
#ifndef PRPNAS_SEARCH_EVALUATION_CACHE_H_
#define PRPNAS_SEARCH_EVALUATION_CACHE_H_

#include <cstddef>
#include <map>
#include <optional>
#include <vector>

#include "prpnas/search/estimator.h"
#include "prpnas/space/search_space.h"

namespace prpnas::search {

class EvaluationCache {
 public:
  // Keeps a copy of `estimator` (a std::function; whatever it refers to must
  // outlive the cache); throws Error when it is empty. A budget of 0
  // evaluates nothing.
  EvaluationCache(Estimator estimator, std::size_t budget);

  // The stored vector when `arch` was evaluated before; otherwise the
  // estimator's vector if budget remains (one call spent), else nullopt.
  // Throws Error naming the call and architecture when the vector is empty,
  // holds NaN, or differs in size from the first one; nothing is stored then.
  std::optional<std::vector<double>> evaluate(const space::Architecture& arch);

  // True when `arch` has been evaluated (asking for it again is free).
  bool contains(const space::Architecture& arch) const { return index_.count(arch) != 0; }

  std::size_t calls() const { return architectures_.size(); }
  std::size_t budget() const { return budget_; }
  bool exhausted() const { return calls() >= budget_; }

  // Every evaluated architecture and its vector, in evaluation order.
  const std::vector<space::Architecture>& architectures() const { return architectures_; }
  const std::vector<std::vector<double>>& objectives() const { return objectives_; }

 private:
  Estimator estimator_;
  std::size_t budget_;
  std::map<space::Architecture, std::size_t> index_;  // -> position in the vectors below
  std::vector<space::Architecture> architectures_;
  std::vector<std::vector<double>> objectives_;
};

}  // namespace prpnas::search

#endif  // PRPNAS_SEARCH_EVALUATION_CACHE_H_
