// NAS-Bench-201: a cell of 4 nodes where every node j < i feeds node i, so 6
// edges, each one of 5 operations; 5^6 = 15,625 architectures. Decisions are
// the edges in the order of NB201's string, choices the ops in the order of
// Op below (our order, not NAS-Bench-201's own index).
#ifndef PRPNAS_SPACE_NB201_SPACE_H_
#define PRPNAS_SPACE_NB201_SPACE_H_

#include "prpnas/space/search_space.h"

namespace prpnas::space {

class Nb201Space : public SearchSpace {
 public:
  // Choice indices, identical for every edge.
  enum Op : int { kNone = 0, kSkipConnect, kConv1x1, kConv3x3, kAvgPool3x3 };

  struct Edge {
    int from, to;
  };

  static constexpr int kNumNodes = 4;  // node 0 is the cell input, node 3 its output
  static constexpr int kNumEdges = 6;

  // Edge of a decision: (0,1), (0,2), (1,2), (0,3), (1,3), (2,3).
  // The supernet uses this to wire its cell.
  static Edge edge(int decision);

  std::string_view name() const override { return "nb201"; }
  int num_decisions() const override { return kNumEdges; }
  const std::vector<std::string>& choices(int decision) const override;
  std::string decision_name(int decision) const override;

  // "|op~0|+|op~0|op~1|+|op~0|op~1|op~2|"; only exactly this form parses.
  std::string format(const Architecture& arch) const override;
  Architecture parse(std::string_view text) const override;
  // True when every path from node 0 to node 3 has a `none` edge: the cell
  // output then ignores the cell input (341 such cells, all in the benchmark,
  // so all 15,625 are valid).
  bool is_degenerate(const Architecture& arch) const override;
};

}  // namespace prpnas::space

#endif  // PRPNAS_SPACE_NB201_SPACE_H_
