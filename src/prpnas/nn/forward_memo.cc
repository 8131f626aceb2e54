#include "prpnas/nn/forward_memo.h"

#include <algorithm>

namespace prpnas::nn {

int64_t ForwardMemo::Entry::bytes() const {
  int64_t sum = 0;
  for (const torch::Tensor& t : slots) sum += t.defined() ? t.numel() * static_cast<int64_t>(t.element_size()) : 0;
  return sum;
}

torch::Tensor ForwardMemo::recall(const Key& key, const std::function<torch::Tensor()>& compute) {
  Entry& entry = entries_[key];
  entry.last_use = ++clock_;
  if (entry.slots.size() <= static_cast<std::size_t>(slot_)) entry.slots.resize(slot_ + 1);
  torch::Tensor& stored = entry.slots[slot_];
  if (stored.defined()) {
    ++hits_;
    return stored;
  }
  ++misses_;
  stored = compute();
  return stored;
}

void ForwardMemo::trim() {
  int64_t total = 0;
  for (const auto& [key, entry] : entries_) total += entry.bytes();
  while (total > budget_bytes_ && !entries_.empty()) {
    auto oldest = std::min_element(entries_.begin(), entries_.end(),
                                   [](const auto& a, const auto& b) { return a.second.last_use < b.second.last_use; });
    total -= oldest->second.bytes();
    entries_.erase(oldest);
  }
}

}  // namespace prpnas::nn
