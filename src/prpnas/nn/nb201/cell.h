// One NB201 cell: nodes 0..3, node 0 is the cell input, node j the sum of
// its incoming edges (i -> j, i < j), node 3 the output. The six edges are
// the decisions of space::Nb201Space, in its order; each edge holds a module
// for some of the five choices: all of them in a supernet, the chosen one in
// a stand-alone network (none for a `none` edge, which then adds nothing).
//
// Parameter names: "edge<d>.<choice name>.<...>", e.g.
// "edge2.nor_conv_3x3.conv.weight", the same in both kinds of network.
#ifndef PRPNAS_NN_NB201_CELL_H_
#define PRPNAS_NN_NB201_CELL_H_

#include <torch/torch.h>

#include <memory>
#include <vector>

#include "prpnas/nn/forward_memo.h"
#include "prpnas/nn/op_observer.h"
#include "prpnas/space/search_space.h"

namespace prpnas::nn {

// Choices per edge: the values of space::Nb201Space::Op.
inline constexpr int kNb201NumChoices = 5;

// The first element of the NB201 supernet's ForwardMemo keys: which part.
enum Nb201MemoPart : int { kNb201StemKey, kNb201Node1Key, kNb201Node2Key, kNb201Edge3Key, kNb201Edge4Key };

class Nb201CellImpl : public torch::nn::Module {
 public:
  // ops[d][c]: build choice c on edge d; `channels` in and out of every op.
  Nb201CellImpl(int64_t channels, const space::ChoiceMask& ops);

  // One op per edge. The path must be checked (check_nb201_path).
  torch::Tensor forward(const torch::Tensor& x, const space::Architecture& path, OpObserver* observer = nullptr);
  // The same, bit for bit (sums in the same order), for a cell whose input
  // `x` is the same for every path: node 1 (key: edge 0's choice), node 2
  // (edges 0-2), edge 0->3's output (edge 3) and edge 1->3's (edges 0, 4) are
  // taken from or stored in `memo`; only edge 2->3 and the last sum always run.
  torch::Tensor forward(const torch::Tensor& x, const space::Architecture& path, ForwardMemo& memo,
                        OpObserver* observer = nullptr);
  // Each edge gives the sum of its alive ops (check_nb201_mask), op c of
  // edge d scaled by weights[d][c] when `weights` (6 x 5) is defined, else
  // unweighted; an edge without alive ops adds nothing.
  torch::Tensor forward(const torch::Tensor& x, const space::ChoiceMask& alive, const torch::Tensor& weights,
                        OpObserver* observer = nullptr);

  // The module of choice c on edge d, or nullptr when this cell has none.
  std::shared_ptr<torch::nn::Module> op(int decision, int choice) const;

 private:
  // Output of edge d for input `in`, summing the choices in `run` (scaled by
  // `weights` when defined); undefined when nothing ran (only `none` chosen
  // and not built).
  torch::Tensor edge(int decision, const std::vector<int>& run, const torch::Tensor& in, OpObserver* observer,
                     const torch::Tensor& weights = {});
  torch::Tensor cell(const torch::Tensor& x, const std::vector<std::vector<int>>& run, OpObserver* observer,
                     const torch::Tensor& weights = {});

  std::vector<std::vector<torch::nn::AnyModule>> ops_;  // [decision][choice], empty if not built
};
TORCH_MODULE(Nb201Cell);

// Throw prpnas::Error unless the path has one choice in 0..4 per edge, or
// the mask is 6 x 5.
void check_nb201_path(const space::Architecture& path);
void check_nb201_mask(const space::ChoiceMask& mask);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_NB201_CELL_H_
