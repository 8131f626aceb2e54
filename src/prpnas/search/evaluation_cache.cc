#include "prpnas/search/evaluation_cache.h"

#include <cmath>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "prpnas/util/error.h"

namespace prpnas::search {

EvaluationCache::EvaluationCache(Estimator estimator, std::size_t budget)
    : estimator_(std::move(estimator)), budget_(budget) {
  if (!estimator_) throw Error("evaluation cache: the estimator is empty; pass a callable");
}

std::optional<std::vector<double>> EvaluationCache::evaluate(const space::Architecture& arch) {
  if (auto it = index_.find(arch); it != index_.end()) return objectives_[it->second];
  if (exhausted()) return std::nullopt;

  std::vector<double> values = estimator_(arch);
  // Named by call number (its index in architectures()) and choice vector.
  const std::size_t call = calls();
  if (values.empty()) {
    throw Error(fmt::format("evaluation cache: the estimator returned no objective for architecture {} "
                            "(call {}); it must return at least one value",
                            arch, call));
  }
  if (!objectives_.empty() && values.size() != objectives_[0].size()) {
    throw Error(fmt::format("evaluation cache: the estimator returned {} objectives for architecture {} "
                            "(call {}) but {} for the first one; it must return the same objectives every time",
                            values.size(), arch, call, objectives_[0].size()));
  }
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (std::isnan(values[k])) {
      throw Error(fmt::format("evaluation cache: objective {} of architecture {} (call {}) is NaN; "
                              "the estimator must return a number (use +infinity for 'unusable')",
                              k, arch, call));
    }
  }
  index_.emplace(arch, call);
  architectures_.push_back(arch);
  objectives_.push_back(values);
  return values;
}

}  // namespace prpnas::search
