// The DARTS cell space (Liu et al., ICLR 2019): a normal and a reduction
// cell, each with 2 input nodes (0, 1: the two previous cells' outputs) and
// 4 intermediate nodes (2..5) whose concatenation is the cell output. Node
// k picks 2 distinct predecessors among nodes 0..k-1, each through one of 7
// operations (`none` is never derived).
//
// Encoding: per cell (normal first), per node k = 2..5, three decisions:
//   inputs  the unordered pair {a < b} of predecessors, C(k, 2) = 1, 3, 6
//           or 10 choices named "a+b", in lexicographic order;
//   op_a    the operation on the lower input a (7 choices);
//   op_b    the operation on the higher input b (7 choices).
// 24 decisions. Every combination is a valid, distinct genotype (a node's
// two edges are unordered: their sum does not care), so the space holds
// (1 * 3 * 6 * 10 * 7^8)^2 = 1,076,746,950,455,072,400 (about 1.08e18, the
// DARTS paper's "10^18") architectures, none of them invalid. Splitting
// inputs from ops keeps strict fairness about operations: all 16 op
// decisions have the same 7 choices, so a 7-path step (fairness_width)
// trains every op once on each of them; the pair decisions, with up to 10
// choices, take 7 distinct pairs per step instead.
#ifndef PRPNAS_SPACE_DARTS_SPACE_H_
#define PRPNAS_SPACE_DARTS_SPACE_H_

#include <array>
#include <string>
#include <utility>

#include "prpnas/space/search_space.h"

namespace prpnas::space {

class DartsSpace : public SearchSpace {
 public:
  // Op choice indices: DARTS's PRIMITIVES order without `none`.
  enum Op : int { kMaxPool3x3 = 0, kAvgPool3x3, kSkipConnect, kSepConv3x3, kSepConv5x5, kDilConv3x3, kDilConv5x5 };
  static constexpr int kNumOps = 7;
  static constexpr int kNumCells = 2;              // 0: normal, 1: reduce
  static constexpr int kNodesPerCell = 4;          // intermediate nodes 2..5
  static constexpr int kDecisionsPerNode = 3;      // inputs, op_a, op_b
  static constexpr int kDecisionsPerCell = kNodesPerCell * kDecisionsPerNode;

  enum class Kind { kInputs, kOpA, kOpB };
  struct Decision {
    int cell;  // 0: normal, 1: reduce
    int node;  // 2..5, DARTS's numbering
    Kind kind;
  };
  static Decision decision(int index);
  static int decision_index(int cell, int node, Kind kind);
  // The predecessor pair of choice `choice` of node `node`'s inputs decision.
  static std::pair<int, int> input_pair(int node, int choice);
  static int pair_choice(int node, int a, int b);  // a < b < node

  std::string_view name() const override { return "darts"; }
  int num_decisions() const override { return kNumCells * kDecisionsPerCell; }
  const std::vector<std::string>& choices(int decision) const override;
  // "normal node 3 inputs", "reduce node 5 op on the lower input", ...
  std::string decision_name(int decision) const override;
  // Only the op decisions set the number of paths of a strict-fairness step.
  bool paces_fairness(int decision) const override;
  bool every_combination_works() const override { return true; }

  // The DARTS Genotype string, edges of a node lower input first:
  // Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ...], normal_concat=[2, 3, 4, 5],
  //          reduce=[...], reduce_concat=[2, 3, 4, 5])
  std::string format(const Architecture& arch) const override;
  // Accepts the published genotypes as written: edges of a node in either
  // order, `range(2, 6)` for a concat list, any spacing, either quote, and
  // an optional `Genotype` prefix. Throws ParseError with the position.
  Architecture parse(std::string_view text) const override;
};

}  // namespace prpnas::space

#endif  // PRPNAS_SPACE_DARTS_SPACE_H_
