// A search space is a list of decisions (an NB201 edge, a DARTS edge, a
// ProxylessNAS layer), each with a list of choices (operations). An
// architecture is one choice index per decision. Everything that trains,
// prunes, costs or searches is written once against this interface.
#ifndef PRPNAS_SPACE_SEARCH_SPACE_H_
#define PRPNAS_SPACE_SEARCH_SPACE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace prpnas::space {

using Architecture = std::vector<int>;

// Alive choices per decision: mask[d][c] is true while choice c of decision d
// may still be used (pruning clears entries).
using ChoiceMask = std::vector<std::vector<bool>>;

class SearchSpace {
 public:
  virtual ~SearchSpace() = default;

  virtual std::string_view name() const = 0;
  virtual int num_decisions() const = 0;
  virtual const std::vector<std::string>& choices(int decision) const = 0;
  // Human-readable name of a decision, e.g. "edge 0->1".
  virtual std::string decision_name(int decision) const = 0;

  // The space's native string (NB201: "|op~0|+|op~0|op~1|+|...|").
  virtual std::string format(const Architecture& arch) const = 0;
  // Inverse of format; throws ParseError giving the position and what was
  // expected, or the rule an invalid combination breaks.
  virtual Architecture parse(std::string_view text) const = 0;
  // Whether the space allows this combination of choices (the chain space:
  // no two skips in a row). Samplers and searches only produce valid ones.
  virtual bool is_valid(const Architecture& arch) const { (void)arch; return true; }
  // A legal architecture that is broken as a network (NB201: no path from
  // input to output). Such cells are part of the benchmark: searches keep
  // them, reports may leave them out.
  virtual bool is_degenerate(const Architecture& arch) const { (void)arch; return false; }
  // True when every combination is valid and none is degenerate, so that
  // counting needs no walk over the space (DARTS's 1e18).
  virtual bool every_combination_works() const { return false; }
  // Whether this decision's alive choices count towards the paths of a
  // strict-fairness step (fairness_width). All do by default; DARTS's input
  // pairs do not, so that its steps are as wide as its 7 operations.
  virtual bool paces_fairness(int decision) const { (void)decision; return true; }

  // Derived from the above. Counting and indexing: enumeration.h; drawing: sampling.h.
  ChoiceMask full_mask() const;  // every choice alive
  // Throws ParseError unless arch has one in-range choice per decision.
  void check(const Architecture& arch) const;
};

// The largest number of choices of any decision: the columns of alpha.
int widest_decision(const SearchSpace& space);

// The paths of a strict-fairness step over `alive`: the largest number of
// alive choices of a decision that paces fairness (every choice of that
// decision once); at least 1. Without a mask, of the full space.
int fairness_width(const SearchSpace& space, const ChoiceMask& alive);
int fairness_width(const SearchSpace& space);

// "nb201", "chain", "darts", "proxyless", "mobilenetv2" or "ofa"; throws
// ConfigError naming the known spaces.
std::unique_ptr<SearchSpace> make_search_space(std::string_view name);

}  // namespace prpnas::space

#endif  // PRPNAS_SPACE_SEARCH_SPACE_H_
