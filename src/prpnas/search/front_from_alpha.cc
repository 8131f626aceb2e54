#include "prpnas/search/front_from_alpha.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include <fmt/core.h>

#include "prpnas/pareto/ranking.h"
#include "prpnas/util/error.h"

namespace prpnas::search {
namespace {

// One decision's alive choices with p / p_best = exp(alpha - alpha_best).
struct DecisionChoices {
  std::vector<int> kept;        // ascending
  std::vector<double> ratio;    // p / p_best of each kept choice
  int best = -1;                // lowest-index argmax among alive choices
};

// Product of the kept counts, saturating at max + 1 (we only compare to max).
std::size_t product(const std::vector<DecisionChoices>& decisions, std::size_t max) {
  std::size_t total = 1;
  for (const DecisionChoices& d : decisions) {
    total *= d.kept.size();
    if (total > max) return max + 1;
  }
  return total;
}

void drop_below(DecisionChoices& d, double threshold_inclusive) {
  std::vector<int> kept;
  std::vector<double> ratio;
  for (std::size_t k = 0; k < d.kept.size(); ++k) {
    if (d.ratio[k] > threshold_inclusive) {
      kept.push_back(d.kept[k]);
      ratio.push_back(d.ratio[k]);
    }
  }
  d.kept = kept;
  d.ratio = ratio;
}

}  // namespace

void FrontFromAlphaOptions::check() const {
  if (!(fix_probability > 0 && fix_probability <= 1)) {
    throw ConfigError(fmt::format("front from alpha option fix_probability = {} must be in (0, 1]", fix_probability));
  }
  if (!(keep_ratio >= 0 && keep_ratio <= 1)) {
    throw ConfigError(fmt::format("front from alpha option keep_ratio = {} must be in [0, 1]", keep_ratio));
  }
  if (max_candidates < 1) throw ConfigError("front from alpha option max_candidates must be >= 1");
}

std::vector<space::Architecture> alpha_candidates(const std::vector<std::vector<double>>& alpha,
                                                  const space::ChoiceMask& alive,
                                                  const FrontFromAlphaOptions& options) {
  options.check();
  if (alpha.size() != alive.size()) {
    throw Error(fmt::format("front from alpha: alpha has {} decisions but the choice mask has {}", alpha.size(),
                            alive.size()));
  }
  std::vector<DecisionChoices> decisions(alpha.size());
  for (std::size_t d = 0; d < alpha.size(); ++d) {
    if (alive[d].size() > alpha[d].size()) {
      throw Error(fmt::format("front from alpha: choice mask row {} has {} entries but alpha has {}", d,
                              alive[d].size(), alpha[d].size()));
    }
    DecisionChoices& choices = decisions[d];
    for (int c = 0; c < static_cast<int>(alive[d].size()); ++c) {
      if (!alive[d][c]) continue;
      if (!std::isfinite(alpha[d][c])) {
        throw Error(fmt::format("front from alpha: alpha[{}][{}] = {} is not finite", d, c, alpha[d][c]));
      }
      if (choices.best < 0 || alpha[d][c] > alpha[d][choices.best]) choices.best = c;
    }
    if (choices.best < 0) throw Error(fmt::format("front from alpha: decision {} has no alive choice", d));
    // Softmax over alive choices, relative to the best: p_c / p_best.
    double sum = 0;
    std::vector<double> ratio(alive[d].size(), 0.0);
    for (int c = 0; c < static_cast<int>(alive[d].size()); ++c) {
      if (!alive[d][c]) continue;
      ratio[c] = std::exp(alpha[d][c] - alpha[d][choices.best]);
      sum += ratio[c];
    }
    const double p_best = 1.0 / sum;
    for (int c = 0; c < static_cast<int>(alive[d].size()); ++c) {
      if (!alive[d][c]) continue;
      const bool keep = p_best > options.fix_probability ? c == choices.best : ratio[c] >= options.keep_ratio;
      if (keep) {
        choices.kept.push_back(c);
        choices.ratio.push_back(ratio[c]);
      }
    }
  }

  // Tighten until the product fits: raise keep_ratio past the weakest kept choice.
  while (product(decisions, options.max_candidates) > options.max_candidates) {
    double weakest = std::numeric_limits<double>::infinity();
    for (const DecisionChoices& d : decisions) {
      for (double r : d.ratio) {
        if (r < 1) weakest = std::min(weakest, r);
      }
    }
    if (weakest == std::numeric_limits<double>::infinity()) break;
    for (DecisionChoices& d : decisions) drop_below(d, weakest);
  }
  // Only ties with the best are left: cut decisions to their best one by one.
  for (std::size_t d = 0; d < decisions.size() &&
                          product(decisions, options.max_candidates) > options.max_candidates;
       ++d) {
    decisions[d].kept = {decisions[d].best};
    decisions[d].ratio = {1.0};
  }

  // Odometer over the kept choices, the last decision fastest.
  std::vector<space::Architecture> candidates;
  std::vector<std::size_t> digit(decisions.size(), 0);
  while (true) {
    space::Architecture arch(decisions.size());
    for (std::size_t d = 0; d < decisions.size(); ++d) arch[d] = decisions[d].kept[digit[d]];
    candidates.push_back(std::move(arch));
    std::size_t d = decisions.size();
    while (d > 0 && ++digit[d - 1] == decisions[d - 1].kept.size()) digit[--d] = 0;
    if (d == 0) break;
  }
  return candidates;
}

std::vector<space::Architecture> front_from_alpha(const std::vector<space::Architecture>& candidates,
                                                  const Estimator& estimator) {
  pareto::Points points;
  points.reserve(candidates.size());
  for (const space::Architecture& arch : candidates) points.push_back(estimator(arch));
  std::vector<space::Architecture> front;
  for (std::size_t i : pareto::non_dominated(points)) front.push_back(candidates[i]);
  return front;
}

}  // namespace prpnas::search
