#include "prpnas/nn/nb201/cell.h"

#include <string>

#include "prpnas/nn/nb201/ops.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {

namespace {

using space::Nb201Space;

const std::vector<std::string>& choice_names() {
  static const std::vector<std::string> names = Nb201Space().choices(0);
  return names;
}

}  // namespace

Nb201CellImpl::Nb201CellImpl(int64_t channels, const space::ChoiceMask& ops) {
  check_nb201_mask(ops);
  ops_.resize(Nb201Space::kNumEdges);
  for (int d = 0; d < Nb201Space::kNumEdges; ++d) {
    ops_[d].resize(kNb201NumChoices);
    std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> edge;
    for (int c = 0; c < kNb201NumChoices; ++c) {
      if (!ops[d][c]) continue;
      ops_[d][c] = make_op(choice_names()[c], channels);
      edge.emplace_back(choice_names()[c], ops_[d][c].ptr());
    }
    register_module("edge" + std::to_string(d), torch::nn::ModuleDict(edge));
  }
}

torch::Tensor Nb201CellImpl::forward(const torch::Tensor& x, const space::Architecture& path, OpObserver* observer) {
  std::vector<std::vector<int>> run(Nb201Space::kNumEdges);
  for (int d = 0; d < Nb201Space::kNumEdges; ++d) run[d] = {path[d]};
  return cell(x, run, observer);
}

torch::Tensor Nb201CellImpl::forward(const torch::Tensor& x, const space::Architecture& path, ForwardMemo& memo,
                                     OpObserver* observer) {
  // Edges 0: 0->1, 1: 0->2, 2: 1->2, 3: 0->3, 4: 1->3, 5: 2->3 (Nb201Space::edge).
  auto run = [&](int d, const torch::Tensor& in) {
    torch::Tensor out = edge(d, {path[d]}, in, observer);
    return out.defined() ? out : torch::zeros_like(x);  // an absent `none` adds zeros
  };
  auto node1 = [&] { return memo.recall({kNb201Node1Key, path[0]}, [&] { return run(0, x); }); };
  const torch::Tensor node2 = memo.recall({kNb201Node2Key, path[0], path[1], path[2]},
                                          [&] { return run(1, x) + run(2, node1()); });
  const torch::Tensor edge3 = memo.recall({kNb201Edge3Key, path[3]}, [&] { return run(3, x); });
  const torch::Tensor edge4 = memo.recall({kNb201Edge4Key, path[0], path[4]}, [&] { return run(4, node1()); });
  return edge3 + edge4 + run(5, node2);
}

torch::Tensor Nb201CellImpl::forward(const torch::Tensor& x, const space::ChoiceMask& alive,
                                     const torch::Tensor& weights, OpObserver* observer) {
  std::vector<std::vector<int>> run(Nb201Space::kNumEdges);
  for (int d = 0; d < Nb201Space::kNumEdges; ++d) {
    for (int c = 0; c < kNb201NumChoices; ++c) {
      if (alive[d][c]) run[d].push_back(c);
    }
  }
  return cell(x, run, observer, weights);
}

std::shared_ptr<torch::nn::Module> Nb201CellImpl::op(int decision, int choice) const {
  const torch::nn::AnyModule& m = ops_.at(decision).at(choice);
  return m.is_empty() ? nullptr : m.ptr();
}

torch::Tensor Nb201CellImpl::edge(int decision, const std::vector<int>& run, const torch::Tensor& in,
                                  OpObserver* observer, const torch::Tensor& weights) {
  torch::Tensor sum;
  for (int c : run) {
    torch::nn::AnyModule& m = ops_[decision][c];
    if (m.is_empty()) {
      // A stand-alone network leaves `none` out: it would only add zeros.
      if (c == Nb201Space::kNone) continue;
      throw Error("NB201 cell has no module for choice '" + choice_names()[c] + "' on edge " +
                  std::to_string(decision) + "; a stand-alone network runs only its own architecture");
    }
    if (observer != nullptr) observer->before_op(decision, c, in);
    torch::Tensor out = m.forward(in);
    if (observer != nullptr) observer->after_op(decision, c, out);
    if (weights.defined()) out = out * weights[decision][c];
    // Out of place: `out` may be the cell input itself (skip_connect).
    sum = sum.defined() ? sum + out : out;
  }
  return sum;
}

torch::Tensor Nb201CellImpl::cell(const torch::Tensor& x, const std::vector<std::vector<int>>& run,
                                  OpObserver* observer, const torch::Tensor& weights) {
  std::vector<torch::Tensor> nodes(Nb201Space::kNumNodes);
  nodes[0] = x;
  // Node by node; within a node, edges in decision order.
  for (int j = 1; j < Nb201Space::kNumNodes; ++j) {
    for (int d = 0; d < Nb201Space::kNumEdges; ++d) {
      const Nb201Space::Edge e = Nb201Space::edge(d);
      if (e.to != j) continue;
      torch::Tensor out = edge(d, run[d], nodes[e.from], observer, weights);
      if (out.defined()) nodes[j] = nodes[j].defined() ? nodes[j] + out : out;
    }
    if (!nodes[j].defined()) nodes[j] = torch::zeros_like(x);  // every input edge is an absent `none`
  }
  return nodes.back();
}

void check_nb201_path(const space::Architecture& path) {
  if (path.size() != Nb201Space::kNumEdges) {
    throw Error("NB201 path has " + std::to_string(path.size()) + " choices; it needs one per edge (6)");
  }
  for (int d = 0; d < Nb201Space::kNumEdges; ++d) {
    if (path[d] < 0 || path[d] >= kNb201NumChoices) {
      throw Error("NB201 path: choice " + std::to_string(path[d]) + " on edge " + std::to_string(d) +
                  " is out of range 0..4");
    }
  }
}

void check_nb201_mask(const space::ChoiceMask& mask) {
  if (mask.size() != Nb201Space::kNumEdges) {
    throw Error("NB201 choice mask has " + std::to_string(mask.size()) + " rows; it needs one per edge (6)");
  }
  for (int d = 0; d < Nb201Space::kNumEdges; ++d) {
    if (mask[d].size() != kNb201NumChoices) {
      throw Error("NB201 choice mask: edge " + std::to_string(d) + " has " + std::to_string(mask[d].size()) +
                  " entries; it needs one per operation (5)");
    }
  }
}

}  // namespace prpnas::nn
