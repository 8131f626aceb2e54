// A small chain of 4 layers, the first space that is not NB201: ragged choice
// lists (2, 3, 3, 4 = 72 combinations) and a validity rule (no two
// consecutive layers both `skip`: 60 valid). Small enough to check searches
// and samplers against brute force; a chain supernet is built on it.
#ifndef PRPNAS_SPACE_CHAIN_SPACE_H_
#define PRPNAS_SPACE_CHAIN_SPACE_H_

#include "prpnas/space/search_space.h"

namespace prpnas::space {

class ChainSpace : public SearchSpace {
 public:
  static constexpr int kNumLayers = 4;

  std::string_view name() const override { return "chain"; }
  int num_decisions() const override { return kNumLayers; }
  // layer 1: conv3x3 conv5x5; layers 2, 3: + skip; layer 4: + avg_pool3x3.
  const std::vector<std::string>& choices(int decision) const override;
  std::string decision_name(int decision) const override;  // "layer 1".."layer 4"

  // The op names joined by '-', e.g. "conv3x3-skip-conv5x5-avg_pool3x3".
  // Formats invalid combinations too (error messages need them); parse
  // rejects them, naming the rule.
  std::string format(const Architecture& arch) const override;
  Architecture parse(std::string_view text) const override;
  // False when two consecutive layers are both `skip`.
  bool is_valid(const Architecture& arch) const override;
};

}  // namespace prpnas::space

#endif  // PRPNAS_SPACE_CHAIN_SPACE_H_
