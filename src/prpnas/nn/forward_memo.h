// Parts of a supernet's forward worth computing once for many paths. On a
// fixed batch of images and fixed weights, a part's output depends only on
// the decisions upstream of it: the stem on none, the first NB201 cell's
// node 1 on edge 0's choice. A shared-weight evaluation runs hundreds of
// paths over the same batches, so a family may store such outputs here
// under a key naming the part and those decisions, and take them back for
// the next path with the same key (Supernet::forward with a memo).
//
// Entries are per slot, one slot per batch and mode (a batch forwarded in
// train mode gives other outputs than in eval mode), and a key lives in all
// slots together: a path that finds a key in one slot finds it in all that
// were filled before. Keys are dropped, least recently used first, only by
// trim(), between paths, so a path never loses mid-way the part whose BN
// statistics it skipped recalibrating. The memo is valid only while the
// weights and the batches stay the same: clear() it otherwise.
#ifndef PRPNAS_NN_FORWARD_MEMO_H_
#define PRPNAS_NN_FORWARD_MEMO_H_

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace prpnas::nn {

class ForwardMemo {
 public:
  // Key: a family's part id, then the choices the part's output depends on.
  using Key = std::vector<int>;

  // `budget_bytes`: what trim() keeps at most.
  explicit ForwardMemo(int64_t budget_bytes) : budget_bytes_(budget_bytes) {}

  // The batch (and mode) the next forwards run on: 0, 1, ...
  void set_slot(int slot) { slot_ = slot; }

  // The tensor stored under `key` in the current slot, else compute()'s result, stored.
  torch::Tensor recall(const Key& key, const std::function<torch::Tensor()>& compute);

  // Drops least recently used keys until the stored tensors fit the budget.
  void trim();
  void clear() { entries_.clear(); }

  int64_t hits() const { return hits_; }
  int64_t misses() const { return misses_; }

 private:
  struct Entry {
    std::vector<torch::Tensor> slots;
    int64_t last_use = 0;
    int64_t bytes() const;
  };
  int64_t budget_bytes_;
  int slot_ = 0;
  int64_t clock_ = 0, hits_ = 0, misses_ = 0;
  std::map<Key, Entry> entries_;
};

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_FORWARD_MEMO_H_
