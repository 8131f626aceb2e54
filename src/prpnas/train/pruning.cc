#include "prpnas/train/pruning.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <string>

#include <fmt/core.h>

#include "prpnas/util/error.h"

namespace prpnas::train {

std::vector<PruneEvent> prune_worst(space::ChoiceMask& alive, const std::vector<space::Architecture>& sampled,
                                    const std::vector<int>& ranks, double worst_fraction) {
  if (!(worst_fraction >= 0 && worst_fraction <= 1)) {
    throw ConfigError(fmt::format("pruning: worst_fraction = {} must be in [0, 1]", worst_fraction));
  }
  if (ranks.size() != sampled.size()) {
    throw Error(fmt::format("pruning: {} sampled architectures but {} ranks", sampled.size(), ranks.size()));
  }
  for (std::size_t s = 0; s < sampled.size(); ++s) {
    if (ranks[s] < 1) throw Error(fmt::format("pruning: rank {} of sample {} is not a Pareto rank", ranks[s], s));
    if (sampled[s].size() != alive.size()) {
      throw Error(fmt::format("pruning: architecture {} has {} choices but the mask has {} decisions", s,
                              sampled[s].size(), alive.size()));
    }
    for (std::size_t d = 0; d < alive.size(); ++d) {
      if (sampled[s][d] < 0 || sampled[s][d] >= static_cast<int>(alive[d].size())) {
        throw Error(fmt::format("pruning: architecture {} picks choice {} at decision {} which has {} choices", s,
                                sampled[s][d], d, alive[d].size()));
      }
    }
  }

  std::vector<int> distinct(ranks);
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  const int k = static_cast<int>(distinct.size());
  // The epsilon keeps e.g. 0.3 * 10 from rounding up to 4.
  const int w = std::min(k - 1, static_cast<int>(std::ceil(worst_fraction * k - 1e-9)));
  if (w <= 0) return {};
  const int first_worst = distinct[k - w];  // ranks >= this are the worst

  std::vector<PruneEvent> events;
  for (std::size_t d = 0; d < alive.size(); ++d) {
    const int n = static_cast<int>(alive[d].size());
    std::vector<bool> in_worst(n, false), in_better(n, false);
    std::vector<int> best_rank(n, INT_MAX);
    for (std::size_t s = 0; s < sampled.size(); ++s) {
      const int c = sampled[s][d];
      (ranks[s] >= first_worst ? in_worst : in_better)[c] = true;
      best_rank[c] = std::min(best_rank[c], ranks[s]);
    }
    std::vector<int> condemned, survivors;
    for (int c = 0; c < n; ++c) {
      if (!alive[d][c]) continue;
      (in_worst[c] && !in_better[c] ? condemned : survivors).push_back(c);
    }
    if (survivors.empty() && !condemned.empty()) {
      // Keep the condemned choice seen in the best-ranked sample.
      const auto keep = std::min_element(condemned.begin(), condemned.end(),
                                         [&](int a, int b) { return best_rank[a] < best_rank[b]; });
      condemned.erase(keep);
    }
    for (int c : condemned) {
      alive[d][c] = false;
      events.push_back({static_cast<int>(d), c});
    }
  }
  return events;
}

}  // namespace prpnas::train
