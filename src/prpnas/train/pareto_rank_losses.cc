#include "prpnas/train/pareto_rank_losses.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>

#include "prpnas/train/alpha_matrix.h"
#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

// Throws unless alpha is a 2-D floating tensor with at least one column.
void check_alpha(const torch::Tensor& alpha, const char* who) {
  if (!alpha.defined() || alpha.dim() != 2 || !alpha.is_floating_point() || alpha.size(0) < 1 ||
      alpha.size(1) < 1) {
    throw Error(std::string(who) + ": alpha must be a non-empty 2-D floating tensor [decisions x choices]");
  }
}

// Throws unless every architecture has one choice per row of alpha, in range.
void check_archs(const torch::Tensor& alpha, const std::vector<space::Architecture>& archs, const char* who) {
  const int64_t decisions = alpha.size(0);
  const int64_t choices = alpha.size(1);
  for (std::size_t s = 0; s < archs.size(); ++s) {
    if (static_cast<int64_t>(archs[s].size()) != decisions) {
      throw Error(std::string(who) + ": architecture " + std::to_string(s) + " has " +
                  std::to_string(archs[s].size()) + " choices but alpha has " + std::to_string(decisions) +
                  " decisions");
    }
    for (int64_t d = 0; d < decisions; ++d) {
      if (archs[s][d] < 0 || archs[s][d] >= choices) {
        throw Error(std::string(who) + ": architecture " + std::to_string(s) + " picks choice " +
                    std::to_string(archs[s][d]) + " at decision " + std::to_string(d) + " but alpha has " +
                    std::to_string(choices) + " choices");
      }
    }
  }
}

// Throws unless there are samples, one rank >= 1 per sample, and 1 <= top_n <= S.
void check_ranks(const std::vector<space::Architecture>& sampled, const std::vector<int>& ranks, const char* who) {
  if (sampled.empty()) throw Error(std::string(who) + ": no sampled architectures");
  if (ranks.size() != sampled.size()) {
    throw Error(std::string(who) + ": " + std::to_string(sampled.size()) + " sampled architectures but " +
                std::to_string(ranks.size()) + " ranks");
  }
  for (std::size_t s = 0; s < ranks.size(); ++s) {
    if (ranks[s] < 1) {
      throw Error(std::string(who) + ": rank " + std::to_string(ranks[s]) + " of sample " + std::to_string(s) +
                  " is not a Pareto rank (1 = best)");
    }
  }
}

// Ragged row lengths of the mask, checked against alpha.
std::vector<int> mask_shape(const torch::Tensor& alpha, const space::ChoiceMask& alive, const char* who) {
  if (static_cast<int64_t>(alive.size()) != alpha.size(0)) {
    throw Error(std::string(who) + ": choice mask has " + std::to_string(alive.size()) +
                " rows but alpha has " + std::to_string(alpha.size(0)) + " decisions");
  }
  std::vector<int> shape;
  for (std::size_t d = 0; d < alive.size(); ++d) {
    if (static_cast<int64_t>(alive[d].size()) > alpha.size(1)) {
      throw Error(std::string(who) + ": choice mask row " + std::to_string(d) + " has " +
                  std::to_string(alive[d].size()) + " entries but alpha has " + std::to_string(alpha.size(1)) +
                  " choices");
    }
    if (std::find(alive[d].begin(), alive[d].end(), true) == alive[d].end()) {
      throw Error(std::string(who) + ": decision " + std::to_string(d) + " has no alive choice");
    }
    shape.push_back(static_cast<int>(alive[d].size()));
  }
  return shape;
}

}  // namespace

ChoiceCounts choice_frequencies(const std::vector<int>& num_choices, const std::vector<space::Architecture>& sampled,
                                const std::vector<std::size_t>& chosen) {
  ChoiceCounts counts(num_choices.size());
  for (std::size_t d = 0; d < num_choices.size(); ++d) counts[d].assign(std::max(num_choices[d], 0), 0);
  for (std::size_t k : chosen) {
    if (k >= sampled.size()) {
      throw Error("choice frequencies: index " + std::to_string(k) + " is past the " +
                  std::to_string(sampled.size()) + " sampled architectures");
    }
    const space::Architecture& arch = sampled[k];
    if (arch.size() != num_choices.size()) {
      throw Error("choice frequencies: architecture " + std::to_string(k) + " has " + std::to_string(arch.size()) +
                  " choices for " + std::to_string(num_choices.size()) + " decisions");
    }
    for (std::size_t d = 0; d < arch.size(); ++d) {
      if (arch[d] < 0 || arch[d] >= num_choices[d]) {
        throw Error("choice frequencies: architecture " + std::to_string(k) + " picks choice " +
                    std::to_string(arch[d]) + " at decision " + std::to_string(d) + " which has " +
                    std::to_string(num_choices[d]) + " choices");
      }
      ++counts[d][arch[d]];
    }
  }
  return counts;
}

ChoiceCounts choice_frequencies(const space::SearchSpace& space, const std::vector<space::Architecture>& sampled,
                                const std::vector<std::size_t>& chosen) {
  std::vector<int> shape;
  for (int d = 0; d < space.num_decisions(); ++d) shape.push_back(static_cast<int>(space.choices(d).size()));
  return choice_frequencies(shape, sampled, chosen);
}

std::vector<std::size_t> best_by_rank(const std::vector<int>& ranks, int n) {
  if (n < 0 || static_cast<std::size_t>(n) > ranks.size()) {
    throw Error("best_by_rank: cannot pick " + std::to_string(n) + " of " + std::to_string(ranks.size()));
  }
  std::vector<std::size_t> order(ranks.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
  order.resize(n);
  return order;
}

std::vector<std::size_t> best_by_score(const std::vector<double>& scores, int n) {
  if (n < 0 || static_cast<std::size_t>(n) > scores.size()) {
    throw Error("best_by_score: cannot pick " + std::to_string(n) + " of " + std::to_string(scores.size()));
  }
  // NaN sorts last; a plain > on NaN would break the strict weak ordering.
  auto key = [&](std::size_t i) {
    return std::isnan(scores[i]) ? -std::numeric_limits<double>::infinity() : scores[i];
  };
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double ka = key(a), kb = key(b);
    if (ka != kb) return ka > kb;
    return !std::isnan(scores[a]) && std::isnan(scores[b]);
  });
  order.resize(n);
  return order;
}

torch::Tensor predicted_scores(const torch::Tensor& alpha, const std::vector<space::Architecture>& archs) {
  check_alpha(alpha, "predicted scores");
  check_archs(alpha, archs, "predicted scores");
  const int64_t decisions = alpha.size(0);
  const int64_t choices = alpha.size(1);
  std::vector<int64_t> flat;
  flat.reserve(archs.size() * decisions);
  for (const space::Architecture& arch : archs) {
    for (int64_t d = 0; d < decisions; ++d) flat.push_back(d * choices + arch[d]);
  }
  const torch::Tensor index = torch::tensor(flat, torch::TensorOptions().dtype(torch::kInt64)).to(alpha.device());
  const int64_t count = static_cast<int64_t>(archs.size());
  return alpha.reshape({-1}).index_select(0, index).view({count, decisions}).sum(1);
}

HingeLoss pareto_hinge_loss(const torch::Tensor& alpha, const std::vector<space::Architecture>& sampled,
                            const std::vector<int>& true_ranks, const space::ChoiceMask& alive, int top_n,
                            double margin) {
  const char* who = "pareto hinge loss";
  check_alpha(alpha, who);
  check_ranks(sampled, true_ranks, who);
  check_archs(alpha, sampled, who);
  const std::vector<int> shape = mask_shape(alpha, alive, who);
  if (top_n < 1 || static_cast<std::size_t>(top_n) > sampled.size()) {
    throw Error(std::string(who) + ": top_n " + std::to_string(top_n) + " must be in 1.." +
                std::to_string(sampled.size()) + " (the number of samples)");
  }
  if (!(margin >= 0)) throw Error(std::string(who) + ": margin must be >= 0, not " + std::to_string(margin));

  const std::vector<std::vector<double>> values = alpha_matrix(alpha);
  std::vector<double> scores(sampled.size(), 0.0);
  for (std::size_t s = 0; s < sampled.size(); ++s) {
    for (std::size_t d = 0; d < values.size(); ++d) scores[s] += values[d][sampled[s][d]];
  }
  HingeLoss result;
  // A sample may use a column past a ragged row only if the mask is ragged
  // while alpha is not; choice_frequencies then throws, as it should.
  result.true_counts = choice_frequencies(shape, sampled, best_by_rank(true_ranks, top_n));
  result.predicted_counts = choice_frequencies(shape, sampled, best_by_score(scores, top_n));

  // One term per (decision, alive choice the true top-N uses more than a*).
  const int64_t choices = alpha.size(1);
  std::vector<int64_t> pushed, argmax;
  std::vector<double> weights;
  for (std::size_t d = 0; d < alive.size(); ++d) {
    int best = -1;
    for (int c = 0; c < shape[d]; ++c) {
      if (alive[d][c] && (best < 0 || values[d][c] > values[d][best])) best = c;
    }
    const std::vector<int>& ghat = result.true_counts[d];
    for (int c = 0; c < shape[d]; ++c) {
      if (!alive[d][c] || c == best || ghat[c] <= ghat[best]) continue;
      pushed.push_back(static_cast<int64_t>(d) * choices + c);
      argmax.push_back(static_cast<int64_t>(d) * choices + best);
      weights.push_back(static_cast<double>(ghat[c] - ghat[best]) / top_n);
    }
  }
  const auto index_options = torch::TensorOptions().dtype(torch::kInt64).device(alpha.device());
  const torch::Tensor flat = alpha.reshape({-1});
  const torch::Tensor gap = flat.index_select(0, torch::tensor(pushed, index_options)) -
                            flat.index_select(0, torch::tensor(argmax, index_options));
  const torch::Tensor weight = torch::tensor(weights, torch::kFloat64).to(alpha.device(), alpha.scalar_type());
  result.loss = (weight * torch::relu(margin - gap)).sum();
  return result;
}

torch::Tensor listnet_loss(const torch::Tensor& alpha, const std::vector<space::Architecture>& sampled,
                           const std::vector<int>& true_ranks, double temperature) {
  const char* who = "listnet loss";
  check_alpha(alpha, who);
  check_ranks(sampled, true_ranks, who);
  if (!(temperature > 0)) {
    throw Error(std::string(who) + ": temperature must be > 0, not " + std::to_string(temperature));
  }
  std::vector<double> logits(true_ranks.size());
  for (std::size_t s = 0; s < true_ranks.size(); ++s) logits[s] = -true_ranks[s] / temperature;
  const torch::Tensor target =
      torch::softmax(torch::tensor(logits, torch::kFloat64), 0).to(alpha.device(), alpha.scalar_type());
  const torch::Tensor scores = predicted_scores(alpha, sampled);
  return -(target * torch::log_softmax(scores, 0)).sum();
}

}  // namespace prpnas::train
