// Parameters and FLOPs of DARTS architectures, counted on the real modules
// of a supernet of the given config by the rules of nn/module_costs.h
// (convolutions and the Linear, batch 1).
//
// They are exactly additive over the edges a network uses, not over the
// decisions of space::DartsSpace: in a reduction cell an op reading node 0
// or 1 has stride 2 (a quarter of the conv FLOPs, and skip_connect becomes a
// FactorizedReduce with parameters), so an op decision's cost depends on
// the inputs decision next to it. DartsCosts keeps the per-edge counts and
// gives exact per-architecture numbers; additive() the best table of the
// CostTable shape (fixed + one entry per decision and choice) for the
// objectives that need one.
#ifndef PRPNAS_NN_DARTS_COSTS_H_
#define PRPNAS_NN_DARTS_COSTS_H_

#include <array>

#include "prpnas/nn/darts/config.h"
#include "prpnas/nn/module_costs.h"
#include "prpnas/space/darts_space.h"

namespace prpnas::nn {

class DartsCosts {
 public:
  // Builds a supernet once (a few seconds for "eval"); throws ConfigError for a bad config.
  explicit DartsCosts(const DartsConfig& config);

  // Exact counts of the stand-alone network of `arch`. Throws prpnas::Error for a bad architecture.
  double params(const space::Architecture& arch) const { return count(params_, arch); }
  double flops(const space::Architecture& arch) const { return count(flops_, arch); }

  // An additive approximation, per node k of each cell type, from the exact
  // edge counts T[j][o] (op o on edge j->k, summed over the cells of the type):
  //   op_a[o] = mean over k's input pairs (a, b) of T[a][o], op_b[o] likewise
  //   with b; inputs[(a, b)] = r(a) - mean r(a') + r(b) - mean r(b'), where
  //   r(j) = mean over ops of T[j][o] and the means run over k's pairs.
  // Exact for every normal cell (T does not depend on j) and whenever
  // stride and op do not interact; exact on average over uniformly drawn
  // architectures; otherwise off by the interaction in the reduction cell.
  // The inputs entries may be negative (they sum to 0 over a node's pairs).
  NetworkCosts additive() const;

 private:
  // [cell type][node - 2][input j][op], summed over the cells of that type.
  using EdgeTable = std::array<std::array<std::array<std::array<double, space::DartsSpace::kNumOps>, 5>, 4>, 2>;
  struct Counts {
    double fixed = 0;
    EdgeTable edges{};
  };
  static double count(const Counts& counts, const space::Architecture& arch);
  static space::CostTable additive(const Counts& counts);

  Counts params_, flops_;
};

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_DARTS_COSTS_H_
