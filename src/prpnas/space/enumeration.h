// Enumeration is a capability, not part of every space: a space with at most
// 2^64 architectures (NB201, the chain space, DARTS's 1.08e18) can number them.
// The order is mixed radix over all combinations, decision 0 most
// significant, including those the space does not allow (is_valid false), so
// an index never depends on the validity rule. Pure: no torch.
#ifndef PRPNAS_SPACE_ENUMERATION_H_
#define PRPNAS_SPACE_ENUMERATION_H_

#include <cstdint>

#include "prpnas/space/search_space.h"

namespace prpnas::space {

class Enumeration {
 public:
  // Keeps a reference to `space`, which must outlive this object. Throws
  // ConfigError naming the space when it has more than 2^64 architectures.
  explicit Enumeration(const SearchSpace& space);

  std::uint64_t size() const { return size_; }         // number of combinations
  std::uint64_t index(const Architecture& arch) const;  // ParseError unless space.check(arch) passes
  Architecture at(std::uint64_t index) const;           // inverse of index; ConfigError unless < size()

 private:
  const SearchSpace& space_;
  std::uint64_t size_;
};

}  // namespace prpnas::space

#endif  // PRPNAS_SPACE_ENUMERATION_H_
