// One DARTS cell (quark0/darts cnn/model.py's Cell): the two previous cells'
// outputs are preprocessed into nodes 0 and 1 (preprocess0: FactorizedReduce
// when the previous cell reduced, else a 1x1 ReLUConvBN; preprocess1: a 1x1
// ReLUConvBN), each intermediate node k = 2..5 sums one op on each of its two
// input edges a->k and b->k, and the output concatenates nodes 2..5 (4C
// channels). In a reduction cell the ops reading nodes 0 and 1 have stride 2.
//
// Every edge j->k (j < k) holds some of the 7 ops: all of them in a supernet,
// the chosen ones in a stand-alone network. Tensor names, the same in both:
// "preprocess0.conv.weight", "edge1_4.sep_conv_3x3.dw1.weight".
#ifndef PRPNAS_NN_DARTS_CELL_H_
#define PRPNAS_NN_DARTS_CELL_H_

#include <torch/torch.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "prpnas/nn/op_observer.h"
#include "prpnas/space/darts_space.h"

namespace prpnas::nn {

// Which ops a cell builds: [node - 2][input j][op], j < node.
using DartsCellOps = std::array<std::array<std::array<bool, space::DartsSpace::kNumOps>, 5>, 4>;

// Alive choices of each of the 24 decisions, ascending (one each for a path).
using DartsRun = std::vector<std::vector<int>>;

class DartsCellImpl : public torch::nn::Module {
 public:
  // `name` ("cells.3") prefixes the preprocessing's fixed-part names.
  DartsCellImpl(std::string name, int64_t c_prev_prev, int64_t c_prev, int64_t channels, bool reduction,
                bool reduction_prev, const DartsCellOps& ops);

  // Node k = sum over the alive pairs p = (a, b) of its inputs decision of
  //   w[inputs][p] * (sum over alive o of op_a: w[op_a][o] * op_o^{a->k}(s_a)
  //                 + sum over alive o of op_b: w[op_b][o] * op_o^{b->k}(s_b)),
  // all weights 1 when `weights` ([24 x 10]) is undefined. `run` is checked
  // by the caller; this cell reads the decisions of its cell type. An op that
  // both roles need (edge j->k as lower input of one pair and higher of
  // another) runs once, reported to the observer under op_a's decision.
  torch::Tensor forward(const torch::Tensor& s0, const torch::Tensor& s1, const DartsRun& run,
                        const torch::Tensor& weights, OpObserver* observer);

  bool reduction() const { return reduction_; }
  // The module of op `op` on edge from->node, or nullptr when not built (or identity).
  std::shared_ptr<torch::nn::Module> op(int node, int from, int op) const;
  // "cells.3.preprocess0" and "cells.3.preprocess1" with their modules.
  std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> fixed_parts() const;

 private:
  std::string name_;
  bool reduction_;
  torch::nn::AnyModule preprocess_[2];
  std::array<std::array<std::array<torch::nn::AnyModule, space::DartsSpace::kNumOps>, 5>, 4> ops_;
};
TORCH_MODULE(DartsCell);

// Throw prpnas::Error unless the path is a darts architecture, or the mask
// has a row per decision as long as its choices with an alive choice each.
void check_darts_path(const space::Architecture& path);
void check_darts_mask(const space::ChoiceMask& mask);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_DARTS_CELL_H_
