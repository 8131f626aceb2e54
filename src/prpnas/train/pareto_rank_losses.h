// The two losses that train alpha, the [decisions x choices] operation scores,
// from the Pareto ranks of S sampled sub-networks (docs/METHOD.md, Step 2).
//
//   P(a)   = sum_d alpha[d][a[d]]            predicted score, higher = better
//   g, ĝ   = choice counts among the N best samples by P, and by true rank
//   hinge  = sum_d sum_{i alive, i != a*_d, ĝ(i,d) > ĝ(a*_d,d)}
//              (ĝ(i,d) - ĝ(a*_d,d)) / N * max(0, m - (alpha[d][i] - alpha[d][a*_d]))
//            with a*_d = argmax of alpha[d] over alive choices (lowest index on ties)
//   listnet= -sum_s softmax(-rank / T)_s * log_softmax(P)_s
//
// Ranks are Pareto ranks (1 = best). "The N best" is a stable selection: ties
// at the cut are broken by the order of `sampled` (earlier wins), for ranks
// and for scores alike. The losses are torch scalars differentiable w.r.t.
// alpha; dead choices (false in `alive`) are never argmax and the hinge never
// touches them; sampled architectures must use alive choices only for the
// ListNet gradient to spare dead ones (AlphaTrainer checks this).
// Everything written against the choice matrix: any space, any shape; alpha
// may be wider than a decision's row of `alive` (extra columns are dead).
#ifndef PRPNAS_TRAIN_PARETO_RANK_LOSSES_H_
#define PRPNAS_TRAIN_PARETO_RANK_LOSSES_H_

#include <torch/torch.h>

#include <cstddef>
#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::train {

// counts[d][c]: how many of the selected sub-networks pick choice c at
// decision d (a frequency once divided by the number selected).
using ChoiceCounts = std::vector<std::vector<int>>;

// Counts over sampled[chosen[k]] for every k; row d has num_choices[d]
// entries. Throws Error on an index or a choice out of range, or an
// architecture with the wrong number of decisions.
ChoiceCounts choice_frequencies(const std::vector<int>& num_choices,
                                const std::vector<space::Architecture>& sampled,
                                const std::vector<std::size_t>& chosen);
ChoiceCounts choice_frequencies(const space::SearchSpace& space,
                                const std::vector<space::Architecture>& sampled,
                                const std::vector<std::size_t>& chosen);

// Indices of the n best: smallest ranks / largest scores (NaN scores last),
// ties kept in index order. Returned best first. Throws Error unless
// 0 <= n <= size.
std::vector<std::size_t> best_by_rank(const std::vector<int>& ranks, int n);
std::vector<std::size_t> best_by_score(const std::vector<double>& scores, int n);

// P for each architecture: [archs.size()] tensor of alpha's dtype,
// differentiable w.r.t. alpha. Throws Error on a shape mismatch.
torch::Tensor predicted_scores(const torch::Tensor& alpha, const std::vector<space::Architecture>& archs);

struct HingeLoss {
  torch::Tensor loss;             // scalar, alpha's dtype
  ChoiceCounts predicted_counts;  // g: counts among the N best by P
  ChoiceCounts true_counts;       // ĝ: counts among the N best by true rank
};

// The hinge loss above (the method's eq. 2 as docs/METHOD.md reads it).
// Throws Error unless alpha is 2-D floating, `alive` has one row per decision
// (no longer than alpha's rows) with an alive choice each, sampled and
// true_ranks have the same size >= top_n >= 1, ranks are >= 1 and margin >= 0.
HingeLoss pareto_hinge_loss(const torch::Tensor& alpha, const std::vector<space::Architecture>& sampled,
                            const std::vector<int>& true_ranks, const space::ChoiceMask& alive, int top_n,
                            double margin);

// The ListNet listwise loss above. Throws Error on the shape errors above or
// unless temperature > 0.
torch::Tensor listnet_loss(const torch::Tensor& alpha, const std::vector<space::Architecture>& sampled,
                           const std::vector<int>& true_ranks, double temperature = 1.0);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_PARETO_RANK_LOSSES_H_
