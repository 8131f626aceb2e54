#include "prpnas/dist/parameter_sync.h"

#include <fmt/core.h>

#include <cstring>
#include <map>

#include "prpnas/util/fnv1a.h"

namespace prpnas::dist {
namespace {

// One collective over the concatenation of `tensors` (one dtype), written back.
template <class Collective>
void on_flat(const std::vector<torch::Tensor>& tensors, const Collective& collective) {
  if (tensors.empty()) return;
  torch::NoGradGuard no_grad;
  std::vector<torch::Tensor> flat;
  for (const torch::Tensor& t : tensors) flat.push_back(t.reshape(-1));
  torch::Tensor all = torch::cat(flat);
  collective(all);
  int64_t at = 0;
  for (const torch::Tensor& t : tensors) {
    t.copy_(all.slice(0, at, at + t.numel()).view_as(t));
    at += t.numel();
  }
}

void sum_flat(ProcessGroup& group, const std::vector<torch::Tensor>& tensors, const char* what) {
  on_flat(tensors, [&](torch::Tensor& all) { group.sum(all, what); });
}

// `tensors` grouped by dtype, in a fixed order (every rank the same).
std::map<c10::ScalarType, std::vector<torch::Tensor>> by_dtype(const std::vector<torch::Tensor>& tensors) {
  std::map<c10::ScalarType, std::vector<torch::Tensor>> out;
  for (const torch::Tensor& t : tensors) out[t.scalar_type()].push_back(t);
  return out;
}

}  // namespace

void broadcast_from_rank0(ProcessGroup& group, const std::vector<torch::Tensor>& tensors, const char* what) {
  if (!group.distributed()) return;
  for (auto& [dtype, list] : by_dtype(tensors)) {
    on_flat(list, [&](torch::Tensor& all) { group.broadcast(all, 0, what); });
  }
}

void sum_gradients(ProcessGroup& group, const std::vector<torch::Tensor>& params) {
  if (!group.distributed()) return;
  torch::Tensor has = torch::zeros({static_cast<int64_t>(params.size())}, torch::kInt32);
  for (std::size_t i = 0; i < params.size(); ++i) has[static_cast<int64_t>(i)] = params[i].grad().defined() ? 1 : 0;
  group.sum(has, "which gradients exist");
  const int32_t* count = has.data_ptr<int32_t>();
  std::vector<torch::Tensor> grads;
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (count[i] == 0) continue;
    torch::Tensor p = params[i];
    if (!p.grad().defined()) p.mutable_grad() = torch::zeros_like(p);
    grads.push_back(p.grad());
  }
  sum_flat(group, grads, "the gradient sum");
}

void sum_buffer_updates(ProcessGroup& group, const std::vector<torch::Tensor>& buffers,
                        const std::vector<torch::Tensor>& before) {
  if (!group.distributed()) return;
  torch::NoGradGuard no_grad;
  std::vector<torch::Tensor> moves;
  for (std::size_t i = 0; i < buffers.size(); ++i) moves.push_back(buffers[i] - before.at(i));
  for (auto& [dtype, list] : by_dtype(moves)) sum_flat(group, list, "the BN statistics update");
  for (std::size_t i = 0; i < buffers.size(); ++i) buffers[i].copy_(before[i] + moves[i]);
}

// FNV-1a over the bytes, tensor by tensor.
int64_t checksum(const std::vector<torch::Tensor>& tensors) {
  uint64_t hash = kFnv1aOffsetBasis;
  for (const torch::Tensor& t : tensors) {
    const torch::Tensor c = t.detach().contiguous();
    hash = fnv1a(c.data_ptr(), c.nbytes(), hash);
  }
  int64_t out;
  std::memcpy(&out, &hash, sizeof out);
  return out;
}

void check_identical(ProcessGroup& group, const std::vector<torch::Tensor>& tensors, const std::string& what) {
  if (!group.distributed()) return;
  const int64_t mine = checksum(tensors);
  // Equal everywhere iff the largest of (h, -h) is (mine, -mine) on every rank.
  torch::Tensor extremes = torch::tensor({mine, -mine}, torch::kInt64);
  group.max(extremes, "a checksum");
  if (extremes[0].item<int64_t>() != mine || extremes[1].item<int64_t>() != -mine) {
    throw Error(fmt::format("distributed: {} differs between ranks (rank {} checksum {:x}); the ranks computed "
                            "different things, so the run stops; please report it",
                            what, group.rank(), static_cast<uint64_t>(mine)));
  }
}

}  // namespace prpnas::dist
