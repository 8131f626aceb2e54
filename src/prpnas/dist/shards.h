// Work split across the ranks of a group in contiguous blocks, and gathered
// back so that every rank holds all of it, in the original order.
#ifndef PRPNAS_DIST_SHARDS_H_
#define PRPNAS_DIST_SHARDS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "prpnas/dist/process_group.h"

namespace prpnas::dist {

struct Shard {
  std::size_t begin = 0, end = 0;  // [begin, end) of n items
  std::size_t size() const { return end - begin; }
};

// Rank r of `ranks` takes items [n r / ranks, n (r + 1) / ranks): sizes differ by at most one.
Shard shard_of(std::size_t n, int rank, int ranks);

// Every rank passes the values of its own shard_of(n, rank, size); every rank
// gets all n, bit for bit as computed (the others' places are summed as 0).
std::vector<double> gather_shards(ProcessGroup& group, std::size_t n, const std::vector<double>& mine,
                                  const char* what);

// Rank 0's `values` on every rank (what the others pass is ignored).
std::vector<int64_t> from_rank0(ProcessGroup& group, const std::vector<int64_t>& values, const char* what);

}  // namespace prpnas::dist

#endif  // PRPNAS_DIST_SHARDS_H_
