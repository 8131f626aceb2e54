#include "prpnas/dist/shards.h"

#include <fmt/core.h>

namespace prpnas::dist {

Shard shard_of(std::size_t n, int rank, int ranks) {
  const auto r = static_cast<std::size_t>(rank), w = static_cast<std::size_t>(ranks);
  return {n * r / w, n * (r + 1) / w};
}

std::vector<double> gather_shards(ProcessGroup& group, std::size_t n, const std::vector<double>& mine,
                                  const char* what) {
  const Shard shard = shard_of(n, group.rank(), group.size());
  if (mine.size() != shard.size()) {
    throw Error(fmt::format("{}: rank {} computed {} values for a shard of {}", what, group.rank(), mine.size(),
                            shard.size()));
  }
  if (!group.distributed()) return mine;
  torch::Tensor all = torch::zeros({static_cast<int64_t>(n)}, torch::kFloat64);
  double* data = all.data_ptr<double>();
  for (std::size_t i = 0; i < mine.size(); ++i) data[shard.begin + i] = mine[i];
  group.sum(all, what);  // x + 0.0 is x
  return {data, data + n};
}

std::vector<int64_t> from_rank0(ProcessGroup& group, const std::vector<int64_t>& values, const char* what) {
  if (!group.distributed()) return values;
  const int64_t n = group.from_rank0(static_cast<int64_t>(values.size()), what);
  torch::Tensor t = group.writes() ? torch::tensor(values, torch::kInt64) : torch::zeros({n}, torch::kInt64);
  if (n > 0) group.broadcast(t, 0, what);
  return {t.data_ptr<int64_t>(), t.data_ptr<int64_t>() + n};
}

}  // namespace prpnas::dist
