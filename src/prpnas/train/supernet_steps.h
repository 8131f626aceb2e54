// One weight update of a supernet (any space) on one mini-batch, of each kind
// the training methods need. Only the weights W move: the optimizer must be
// built over supernet.weights() (make_weight_optimizer); alpha has its own
// optimiser elsewhere and is never read or written here (an optimizer that
// holds alpha is refused with prpnas::Error).
//
// Both steps put the supernet in train mode (BN uses batch statistics), reset
// the optimizer's gradients to undefined (not to zero, so SGD's weight decay
// and momentum move only the weights some path of this step used; pruned or
// unvisited ops keep their weights exactly), forward and backward each path
// with the mean cross-entropy, then call optimizer.step() exactly once.
// A NaN or infinite loss throws prpnas::Error naming the step and the path
// before optimizer.step(), so the weights are left as they were (the BN
// running statistics of the forwards already run have moved).
//
// In a distributed run (dist::world()), every rank draws the same paths;
// a step of several paths deals them round-robin to the ranks, each path on
// the whole batch, and sums the gradients, BN statistics' moves and losses
// across ranks before the one optimizer.step(): every rank's W stays
// bit-identical and equals one process's up to the order of floating-point
// sums. A step of one path runs whole on every rank.
//
// Paths are drawn from the caller's std::mt19937_64 with our own
// Fisher-Yates shuffle (index = rng() % n, whose bias, below n / 2^64, is
// negligible), so a seed gives the same paths with every standard library.
#ifndef PRPNAS_TRAIN_SUPERNET_STEPS_H_
#define PRPNAS_TRAIN_SUPERNET_STEPS_H_

#include <torch/torch.h>

#include <random>
#include <vector>

#include "prpnas/nn/supernet.h"
#include "prpnas/space/search_space.h"
#include "prpnas/train/batches.h"
#include "prpnas/train/sgd.h"

namespace prpnas::train {

struct StepResult {
  std::vector<space::Architecture> paths;  // in the order they were trained
  std::vector<double> losses;              // per path: mean cross-entropy on the batch, before the update
  double mean_loss() const;                // mean of `losses`
};

// FairNAS strict fairness (Chu et al.), PRP's Step 1. For every decision d,
// one uniform random permutation of its alive choices (drawn decision by
// decision, 0 first); with m paths (`count`, or when 0 the largest number
// of alive choices of any decision), path k (k = 0..m-1) takes on decision
// d the element k mod n_d of d's permutation, n_d = its number of alive
// choices. So a decision with m alive choices uses each exactly once per
// step; a decision with fewer cycles its permutation (its choices are used
// floor(m/n_d) or ceil(m/n_d) times in a step, not all equally often); one
// with more uses m distinct ones, a uniform random subset. Throws Error if
// a decision of the mask has no alive choice.
std::vector<space::Architecture> fair_paths(const space::ChoiceMask& alive, std::mt19937_64& rng,
                                            std::size_t count = 0);

// fair_paths of `alive` with space::fairness_width(space, alive) paths (the
// widest decision for NB201 and chain; DARTS's 7 ops), all valid in `space` (space.is_valid): the
// whole set is drawn again while any is not (every choice must still be
// trained once per step), up to 1000 times; then Error. A space without
// forbidden combinations draws exactly what fair_paths draws.
std::vector<space::Architecture> valid_fair_paths(const space::SearchSpace& space, const space::ChoiceMask& alive,
                                                  std::mt19937_64& rng);

// Strict fairness: the valid_fair_paths of `alive` each forward and backward on
// the same batch, gradients summed (not averaged) over the m paths, then one
// optimizer step. Returns the m paths and their losses.
StepResult fairness_step(nn::Supernet& supernet, torch::optim::Optimizer& optimizer, const Batch& batch,
                         const space::ChoiceMask& alive, std::mt19937_64& rng);

// One given path: forward, backward, one optimizer step. The SPOS step (with
// space::sample_alive) and PRP's Step 2 task step (with the argmax-alpha path).
StepResult single_path_step(nn::Supernet& supernet, torch::optim::Optimizer& optimizer, const Batch& batch,
                            const space::Architecture& path);

// The choices any of `paths` uses, as a mask of `space`'s shape.
space::ChoiceMask union_mask(const space::SearchSpace& space, const std::vector<space::Architecture>& paths);

// Several paths at once (PrpCoupled's Step 2): one weighted masked forward
// over union_mask(paths) with `weights` ([decisions x choices]), backward,
// one optimizer step. Returns `paths` and the one loss.
StepResult mixed_step(nn::Supernet& supernet, torch::optim::Optimizer& optimizer, const Batch& batch,
                      std::vector<space::Architecture> paths, const torch::Tensor& weights);

// SGD with Nesterov momentum and weight decay over supernet.weights() (never alpha).
torch::optim::SGD make_weight_optimizer(const nn::Supernet& supernet, const SgdOptions& options = {});

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_SUPERNET_STEPS_H_
