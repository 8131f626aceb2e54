#include "prpnas/train/pareto_rank_losses.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

using space::Architecture;
using space::ChoiceMask;

torch::Tensor make_alpha(const std::vector<std::vector<double>>& rows) {
  torch::Tensor alpha = torch::zeros({static_cast<int64_t>(rows.size()), static_cast<int64_t>(rows[0].size())},
                                     torch::kFloat64);
  for (std::size_t d = 0; d < rows.size(); ++d) {
    for (std::size_t c = 0; c < rows[d].size(); ++c) alpha[d][c] = rows[d][c];
  }
  return alpha.requires_grad_(true);
}

std::vector<std::vector<double>> grad_of(const torch::Tensor& loss, const torch::Tensor& alpha) {
  const torch::Tensor g = torch::autograd::grad({loss}, {alpha})[0];
  std::vector<std::vector<double>> out(g.size(0), std::vector<double>(g.size(1)));
  for (int64_t d = 0; d < g.size(0); ++d) {
    for (int64_t c = 0; c < g.size(1); ++c) out[d][c] = g[d][c].item<double>();
  }
  return out;
}

// Central finite differences of f at alpha.
std::vector<std::vector<double>> numeric_grad(const std::function<double(const torch::Tensor&)>& f,
                                              const torch::Tensor& alpha, double h = 1e-6) {
  std::vector<std::vector<double>> out(alpha.size(0), std::vector<double>(alpha.size(1)));
  for (int64_t d = 0; d < alpha.size(0); ++d) {
    for (int64_t c = 0; c < alpha.size(1); ++c) {
      torch::Tensor plus = alpha.detach().clone(), minus = alpha.detach().clone();
      plus[d][c] += h;
      minus[d][c] -= h;
      out[d][c] = (f(plus) - f(minus)) / (2 * h);
    }
  }
  return out;
}

// --- Independent brute-force references, straight from the formulas. ---

// The n best by rank, ties by index: scan ranks 1, 2, ... and indices in order.
std::vector<int> reference_best_by_rank(const std::vector<int>& ranks, int n) {
  std::vector<int> best;
  for (int r = 1; static_cast<int>(best.size()) < n; ++r) {
    for (int i = 0; i < static_cast<int>(ranks.size()) && static_cast<int>(best.size()) < n; ++i) {
      if (ranks[i] == r) best.push_back(i);
    }
  }
  return best;
}

double reference_hinge(const std::vector<std::vector<double>>& alpha, const std::vector<Architecture>& sampled,
                       const std::vector<int>& ranks, const ChoiceMask& alive, int n, double m) {
  const std::vector<int> top = reference_best_by_rank(ranks, n);
  double loss = 0;
  for (std::size_t d = 0; d < alpha.size(); ++d) {
    std::vector<int> ghat(alpha[d].size(), 0);
    for (int s : top) ++ghat[sampled[s][d]];
    int star = -1;
    for (std::size_t c = 0; c < alpha[d].size(); ++c) {
      if (alive[d][c] && (star < 0 || alpha[d][c] > alpha[d][star])) star = static_cast<int>(c);
    }
    for (std::size_t c = 0; c < alpha[d].size(); ++c) {
      if (!alive[d][c] || static_cast<int>(c) == star || ghat[c] <= ghat[star]) continue;
      loss += double(ghat[c] - ghat[star]) / n * std::max(0.0, m - (alpha[d][c] - alpha[d][star]));
    }
  }
  return loss;
}

double reference_listnet(const std::vector<std::vector<double>>& alpha, const std::vector<Architecture>& sampled,
                         const std::vector<int>& ranks, double temperature) {
  const std::size_t s_count = sampled.size();
  std::vector<double> p(s_count, 0.0), t(s_count);
  double tsum = 0, pmax = -std::numeric_limits<double>::infinity();
  for (std::size_t s = 0; s < s_count; ++s) {
    for (std::size_t d = 0; d < alpha.size(); ++d) p[s] += alpha[d][sampled[s][d]];
    t[s] = std::exp(-ranks[s] / temperature);
    tsum += t[s];
    pmax = std::max(pmax, p[s]);
  }
  double lse = 0;
  for (double v : p) lse += std::exp(v - pmax);
  lse = pmax + std::log(lse);
  double loss = 0;
  for (std::size_t s = 0; s < s_count; ++s) loss -= t[s] / tsum * (p[s] - lse);
  return loss;
}

void expect_near(const std::vector<std::vector<double>>& a, const std::vector<std::vector<double>>& b, double tol) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t d = 0; d < a.size(); ++d) {
    ASSERT_EQ(a[d].size(), b[d].size());
    for (std::size_t c = 0; c < a[d].size(); ++c) EXPECT_NEAR(a[d][c], b[d][c], tol) << "at [" << d << "][" << c << "]";
  }
}

// The tiny case: 2 decisions x 3 choices, 4 samples.
struct Tiny {
  torch::Tensor alpha = make_alpha({{0.3, -0.2, 0.1}, {0.0, 0.5, -0.4}});
  std::vector<Architecture> sampled = {{0, 1}, {1, 2}, {2, 0}, {1, 1}};
  std::vector<int> ranks = {2, 1, 3, 1};
  ChoiceMask alive = {{true, true, true}, {true, true, true}};
};

TEST(ChoiceFrequencies, CountsChoicesOfTheChosenSamples) {
  const Tiny t;
  EXPECT_EQ(choice_frequencies({3, 3}, t.sampled, {1, 3}), (ChoiceCounts{{0, 2, 0}, {0, 1, 1}}));
  EXPECT_EQ(choice_frequencies({3, 3}, t.sampled, {}), (ChoiceCounts{{0, 0, 0}, {0, 0, 0}}));
  EXPECT_EQ(choice_frequencies({3, 3}, t.sampled, {0, 1, 2, 3}), (ChoiceCounts{{1, 2, 1}, {1, 2, 1}}));
  EXPECT_THROW(choice_frequencies({3, 3}, t.sampled, {4}), Error);
  EXPECT_THROW(choice_frequencies({3, 2}, t.sampled, {1}), Error);  // choice 2 out of range
  EXPECT_THROW(choice_frequencies({3}, t.sampled, {0}), Error);
}

TEST(BestOf, BreaksTiesAtTheCutByIndexOrder) {
  EXPECT_EQ(best_by_rank({2, 1, 3, 1}, 2), (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(best_by_rank({2, 1, 2, 1}, 3), (std::vector<std::size_t>{1, 3, 0}));
  EXPECT_EQ(best_by_score({0.5, 0.9, 0.5, 0.1}, 2), (std::vector<std::size_t>{1, 0}));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(best_by_score({nan, -1e300, nan, 2}, 4), (std::vector<std::size_t>{3, 1, 0, 2}));
  EXPECT_THROW(best_by_rank({1, 2}, 3), Error);
  EXPECT_THROW(best_by_score({1, 2}, -1), Error);
}

TEST(ParetoHingeLoss, MatchesTheHandComputation) {
  const Tiny t;
  // True top 2 = samples 1 and 3 (rank 1): ĝ = {0,2,0}, {0,1,1}.
  // By P = {0.8, -0.6, 0.1, 0.3}: samples 0 and 3: g = {1,1,0}, {0,2,0}.
  // Decision 0: a* = 0, choice 1 has ĝ 2 > 0: (2 - 0) / 2 * (0.1 - (-0.2 - 0.3)) = 0.6.
  // Decision 1: a* = 1 (ĝ 1), nobody has more.
  const HingeLoss h = pareto_hinge_loss(t.alpha, t.sampled, t.ranks, t.alive, 2, 0.1);
  EXPECT_NEAR(h.loss.item<double>(), 0.6, 1e-12);
  EXPECT_EQ(h.true_counts, (ChoiceCounts{{0, 2, 0}, {0, 1, 1}}));
  EXPECT_EQ(h.predicted_counts, (ChoiceCounts{{1, 1, 0}, {0, 2, 0}}));
  expect_near(grad_of(h.loss, t.alpha), {{1, -1, 0}, {0, 0, 0}}, 1e-12);
  const auto f = [&](const torch::Tensor& a) {
    return pareto_hinge_loss(a, t.sampled, t.ranks, t.alive, 2, 0.1).loss.item<double>();
  };
  expect_near(numeric_grad(f, t.alpha), {{1, -1, 0}, {0, 0, 0}}, 1e-6);
}

TEST(ListNetLoss, MatchesTheHandComputation) {
  const Tiny t;
  const std::vector<double> p = {0.8, -0.6, 0.1, 0.3};
  std::vector<double> target = {std::exp(-2.0), std::exp(-1.0), std::exp(-3.0), std::exp(-1.0)};
  const double tsum = std::accumulate(target.begin(), target.end(), 0.0);
  double z = 0;
  for (double v : p) z += std::exp(v);
  double expected = 0;
  std::vector<double> dp(4);
  for (int s = 0; s < 4; ++s) {
    expected -= target[s] / tsum * (p[s] - std::log(z));
    dp[s] = std::exp(p[s]) / z - target[s] / tsum;  // d loss / d P_s
  }
  const torch::Tensor loss = listnet_loss(t.alpha, t.sampled, t.ranks, 1.0);
  EXPECT_NEAR(loss.item<double>(), expected, 1e-12);
  // d loss / d alpha[d][c] = sum of dP_s over the samples picking c at d.
  std::vector<std::vector<double>> expected_grad(2, std::vector<double>(3, 0.0));
  for (int s = 0; s < 4; ++s) {
    for (int d = 0; d < 2; ++d) expected_grad[d][t.sampled[s][d]] += dp[s];
  }
  expect_near(grad_of(loss, t.alpha), expected_grad, 1e-12);
  const auto f = [&](const torch::Tensor& a) { return listnet_loss(a, t.sampled, t.ranks, 1.0).item<double>(); };
  expect_near(numeric_grad(f, t.alpha), expected_grad, 1e-6);
}

TEST(ParetoRankLosses, AgreeWithBruteForceOnRandomCases) {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 200; ++trial) {
    const int decisions = 1 + static_cast<int>(rng() % 4), choices = 2 + static_cast<int>(rng() % 4);
    const int samples = 1 + static_cast<int>(rng() % 10);
    const int top_n = 1 + static_cast<int>(rng() % samples);
    const double margin = 0.05 * static_cast<double>(rng() % 10);
    const double temperature = 0.25 + 0.25 * static_cast<double>(rng() % 8);
    std::vector<std::vector<double>> rows(decisions, std::vector<double>(choices));
    for (auto& row : rows) {
      for (double& v : row) v = static_cast<double>(rng() % 2001) / 1000.0 - 1.0 + 1e-4 * (rng() % 97);
    }
    const torch::Tensor alpha = make_alpha(rows);
    ChoiceMask alive(decisions, std::vector<bool>(choices));
    for (auto&& row : alive) {
      for (std::size_t c = 0; c < row.size(); ++c) row[c] = rng() % 3 != 0;
      row[rng() % row.size()] = true;
    }
    std::vector<Architecture> sampled;
    std::vector<int> ranks;
    for (int s = 0; s < samples; ++s) {
      Architecture a(decisions);
      for (int d = 0; d < decisions; ++d) {
        do a[d] = static_cast<int>(rng() % choices);
        while (!alive[d][a[d]]);
      }
      sampled.push_back(a);
      ranks.push_back(1 + static_cast<int>(rng() % 4));
    }
    const HingeLoss h = pareto_hinge_loss(alpha, sampled, ranks, alive, top_n, margin);
    EXPECT_NEAR(h.loss.item<double>(), reference_hinge(rows, sampled, ranks, alive, top_n, margin), 1e-12);
    const auto hinge_f = [&](const torch::Tensor& a) {
      return pareto_hinge_loss(a, sampled, ranks, alive, top_n, margin).loss.item<double>();
    };
    // The hinge is piecewise linear: away from its kinks (the jitter above
    // keeps alpha off them) autograd and finite differences agree.
    expect_near(grad_of(h.loss, alpha), numeric_grad(hinge_f, alpha), 1e-5);

    const torch::Tensor l = listnet_loss(alpha, sampled, ranks, temperature);
    EXPECT_NEAR(l.item<double>(), reference_listnet(rows, sampled, ranks, temperature), 1e-12);
    const auto listnet_f = [&](const torch::Tensor& a) {
      return listnet_loss(a, sampled, ranks, temperature).item<double>();
    };
    expect_near(grad_of(l, alpha), numeric_grad(listnet_f, alpha), 1e-6);
    if (HasFailure()) break;
  }
}

TEST(ParetoHingeLoss, IsZeroWhenAlphaAlreadyFavoursTheTrueTopChoices) {
  const Tiny t;
  // ĝ = {0,2,0}, {0,1,1}: choice 1 leads both decisions (tie with 2 at d1).
  const torch::Tensor alpha = make_alpha({{0.0, 0.5, 0.1}, {0.0, 0.5, 0.3}});
  const HingeLoss h = pareto_hinge_loss(alpha, t.sampled, t.ranks, t.alive, 2, 0.1);
  EXPECT_EQ(h.loss.item<double>(), 0.0);
  expect_near(grad_of(h.loss, alpha), {{0, 0, 0}, {0, 0, 0}}, 0);
  // While another choice leads, the favourite is pushed up to a margin above it.
  const torch::Tensor close = make_alpha({{0.45, 0.4, 0.1}, {0.0, 0.5, 0.3}});
  EXPECT_NEAR(pareto_hinge_loss(close, t.sampled, t.ranks, t.alive, 2, 0.1).loss.item<double>(),
              2.0 / 2 * (0.1 + 0.05), 1e-12);
}

TEST(ListNetLoss, IsLowerWhenScoresOrderSamplesAsTheRanksDo) {
  const std::vector<Architecture> sampled = {{0}, {1}, {2}, {3}};
  const std::vector<int> ranks = {1, 2, 3, 4};
  const double agree = listnet_loss(make_alpha({{1.5, 0.5, -0.5, -1.5}}), sampled, ranks).item<double>();
  const double flat = listnet_loss(make_alpha({{0, 0, 0, 0}}), sampled, ranks).item<double>();
  const double reversed = listnet_loss(make_alpha({{-1.5, -0.5, 0.5, 1.5}}), sampled, ranks).item<double>();
  EXPECT_LT(agree, flat);
  EXPECT_LT(flat, reversed);
  // The minimum is P = -rank / T + const: cross entropy = entropy of the target.
  const torch::Tensor best = make_alpha({{-1, -2, -3, -4}});
  const torch::Tensor optimum = listnet_loss(best, sampled, ranks);
  EXPECT_LE(optimum.item<double>(), agree);
  expect_near(grad_of(optimum, best), {{0, 0, 0, 0}}, 1e-12);
}

TEST(ParetoRankLosses, DeadChoicesGetNoGradientAndAreNeverArgmax) {
  // Decision 0's choice 0 is dead but has the largest alpha: if it were the
  // argmax, choice 1 (ĝ 2) would be pushed against it and it would get gradient.
  const Tiny t;
  const torch::Tensor alpha = make_alpha({{5.0, 0.2, 0.1}, {0.0, 0.5, 9.0}});
  const ChoiceMask alive = {{false, true, true}, {true, true, false}};
  const std::vector<Architecture> sampled = {{1, 1}, {1, 0}, {2, 0}, {2, 1}};
  const std::vector<int> ranks = {1, 1, 2, 2};
  const HingeLoss h = pareto_hinge_loss(alpha, sampled, ranks, alive, 2, 0.1);
  // d0: a* = 1 among {1, 2}, ĝ = {0, 2, 0}: no term. d1: a* = 1 among {0, 1},
  // ĝ = {1, 1, 0}: no term. With the dead entries alive both would push.
  EXPECT_EQ(h.loss.item<double>(), 0.0);
  const std::vector<std::vector<double>> hinge_grad = grad_of(h.loss, alpha);
  const std::vector<std::vector<double>> listnet_grad = grad_of(listnet_loss(alpha, sampled, ranks), alpha);
  EXPECT_EQ(hinge_grad[0][0], 0.0);
  EXPECT_EQ(hinge_grad[1][2], 0.0);
  EXPECT_EQ(listnet_grad[0][0], 0.0);
  EXPECT_EQ(listnet_grad[1][2], 0.0);

  // A dead argmax candidate with a pushed choice: alive d0 = {1, 2} with alpha
  // 0.2 > 0.1 and ĝ favouring 2: the term is against choice 1, not dead 0.
  const std::vector<int> ranks2 = {2, 2, 1, 1};
  const HingeLoss h2 = pareto_hinge_loss(alpha, sampled, ranks2, alive, 2, 0.1);
  EXPECT_NEAR(h2.loss.item<double>(), 2.0 / 2 * (0.1 - (0.1 - 0.2)) + 0.0, 1e-12);
  const std::vector<std::vector<double>> g2 = grad_of(h2.loss, alpha);
  EXPECT_EQ(g2[0][0], 0.0);
  EXPECT_NEAR(g2[0][1], 1.0, 1e-12);
  EXPECT_NEAR(g2[0][2], -1.0, 1e-12);
}

TEST(ParetoRankLosses, RejectBadInputs) {
  const Tiny t;
  EXPECT_THROW(pareto_hinge_loss(t.alpha, t.sampled, t.ranks, t.alive, 5, 0.1), Error);   // top_n > S
  EXPECT_THROW(pareto_hinge_loss(t.alpha, t.sampled, t.ranks, t.alive, 0, 0.1), Error);
  EXPECT_THROW(pareto_hinge_loss(t.alpha, t.sampled, {1, 2}, t.alive, 2, 0.1), Error);
  EXPECT_THROW(pareto_hinge_loss(t.alpha, t.sampled, {1, 0, 1, 1}, t.alive, 2, 0.1), Error);
  EXPECT_THROW(pareto_hinge_loss(t.alpha, t.sampled, t.ranks, t.alive, 2, -1), Error);
  EXPECT_THROW(pareto_hinge_loss(t.alpha, t.sampled, t.ranks, {{true, true, true}}, 2, 0.1), Error);
  EXPECT_THROW(pareto_hinge_loss(t.alpha, t.sampled, t.ranks, {{true, true, true}, {false, false, false}}, 2, 0.1),
               Error);
  EXPECT_THROW(pareto_hinge_loss(t.alpha, {{0, 1}, {1, 3}, {2, 0}, {1, 1}}, t.ranks, t.alive, 2, 0.1), Error);
  EXPECT_THROW(listnet_loss(t.alpha, t.sampled, t.ranks, 0.0), Error);
  EXPECT_THROW(listnet_loss(t.alpha, {}, {}, 1.0), Error);
  EXPECT_THROW(listnet_loss(torch::zeros({3}), t.sampled, t.ranks, 1.0), Error);
  EXPECT_THROW(predicted_scores(t.alpha, {{0}}), Error);
}

}  // namespace
}  // namespace prpnas::train
