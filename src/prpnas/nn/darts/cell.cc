#include "prpnas/nn/darts/cell.h"

#include <fmt/core.h>

#include <map>
#include <set>
#include <utility>

#include "prpnas/nn/darts/ops.h"
#include "prpnas/nn/nb201/ops.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {

namespace {

using space::DartsSpace;
constexpr int kDartsFirstNode = 2, kDartsLastNode = 5;

}  // namespace

DartsCellImpl::DartsCellImpl(std::string name, int64_t c_prev_prev, int64_t c_prev, int64_t channels, bool reduction,
                             bool reduction_prev, const DartsCellOps& ops)
    : name_(std::move(name)), reduction_(reduction) {
  if (reduction_prev) {
    preprocess_[0] = torch::nn::AnyModule(DartsFactorizedReduce(c_prev_prev, channels));
  } else {
    preprocess_[0] = torch::nn::AnyModule(ReLUConvBN(ReLUConvBNOptions(c_prev_prev, channels, 1)));
  }
  preprocess_[1] = torch::nn::AnyModule(ReLUConvBN(ReLUConvBNOptions(c_prev, channels, 1)));
  register_module("preprocess0", preprocess_[0].ptr());
  register_module("preprocess1", preprocess_[1].ptr());
  const auto& names = DartsSpace().choices(DartsSpace::decision_index(0, kDartsFirstNode, DartsSpace::Kind::kOpA));
  for (int node = kDartsFirstNode; node <= kDartsLastNode; ++node) {
    for (int from = 0; from < node; ++from) {
      std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> edge;
      const int64_t stride = reduction && from < 2 ? 2 : 1;
      for (int o = 0; o < DartsSpace::kNumOps; ++o) {
        if (!ops[node - kDartsFirstNode][from][o]) continue;
        auto& m = ops_[node - kDartsFirstNode][from][o];
        m = make_darts_op(o, channels, stride);
        edge.emplace_back(names[o], m.ptr());
      }
      if (!edge.empty()) register_module(fmt::format("edge{}_{}", from, node), torch::nn::ModuleDict(edge));
    }
  }
}

std::shared_ptr<torch::nn::Module> DartsCellImpl::op(int node, int from, int op) const {
  const auto& m = ops_.at(node - kDartsFirstNode).at(from).at(op);
  return m.is_empty() ? nullptr : m.ptr();
}

std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> DartsCellImpl::fixed_parts() const {
  return {{name_ + ".preprocess0", preprocess_[0].ptr()}, {name_ + ".preprocess1", preprocess_[1].ptr()}};
}

torch::Tensor DartsCellImpl::forward(const torch::Tensor& s0, const torch::Tensor& s1, const DartsRun& run,
                                     const torch::Tensor& weights, OpObserver* observer) {
  const int cell = reduction_ ? 1 : 0;
  std::vector<torch::Tensor> states = {run_fixed_part(observer, name_ + ".preprocess0", preprocess_[0], s0),
                                       run_fixed_part(observer, name_ + ".preprocess1", preprocess_[1], s1)};
  for (int node = kDartsFirstNode; node <= kDartsLastNode; ++node) {
    const int d_inputs = DartsSpace::decision_index(cell, node, DartsSpace::Kind::kInputs);
    const int d_role[2] = {DartsSpace::decision_index(cell, node, DartsSpace::Kind::kOpA),
                           DartsSpace::decision_index(cell, node, DartsSpace::Kind::kOpB)};
    // Which inputs each role (0: lower, 1: higher) reads in some alive pair.
    std::set<int> needed[2];
    for (int p : run[d_inputs]) {
      const auto [a, b] = DartsSpace::input_pair(node, p);
      needed[0].insert(a);
      needed[1].insert(b);
    }
    // edges[role][j]: the (weighted) sum of that role's alive ops on edge j->node.
    std::map<int, torch::Tensor> edges[2];
    for (int from = 0; from < node; ++from) {
      std::map<int, torch::Tensor> outputs;  // op -> output, each op run once
      for (int role = 0; role < 2; ++role) {
        if (!needed[role].count(from)) continue;
        torch::Tensor sum;
        for (int o : run[d_role[role]]) {
          auto it = outputs.find(o);
          if (it == outputs.end()) {
            torch::nn::AnyModule& m = ops_[node - kDartsFirstNode][from][o];
            if (m.is_empty()) {
              throw Error(
                  fmt::format("DARTS {}: no module for op {} on edge {}->{}; a stand-alone network runs only "
                              "its own architecture",
                              name_, o, from, node));
            }
            if (observer != nullptr) observer->before_op(d_role[role], o, states[from]);
            torch::Tensor out = m.forward(states[from]);
            if (observer != nullptr) observer->after_op(d_role[role], o, out);
            it = outputs.emplace(o, std::move(out)).first;
          }
          torch::Tensor out = it->second;
          if (weights.defined()) out = out * weights[d_role[role]][o];
          // Out of place: `out` may be a state itself (skip_connect).
          sum = sum.defined() ? sum + out : out;
        }
        edges[role][from] = sum;
      }
    }
    torch::Tensor state;
    for (int p : run[d_inputs]) {
      const auto [a, b] = DartsSpace::input_pair(node, p);
      torch::Tensor term = edges[0].at(a) + edges[1].at(b);
      if (weights.defined()) term = term * weights[d_inputs][p];
      state = state.defined() ? state + term : term;
    }
    states.push_back(state);
  }
  return torch::cat({states[2], states[3], states[4], states[5]}, 1);
}

void check_darts_path(const space::Architecture& path) {
  try {
    DartsSpace().check(path);
  } catch (const ParseError& e) {
    throw Error(std::string("DARTS network: ") + e.what());
  }
}

void check_darts_mask(const space::ChoiceMask& mask) {
  const DartsSpace space;
  if (mask.size() != static_cast<std::size_t>(space.num_decisions())) {
    throw Error(fmt::format("DARTS choice mask has {} rows; it needs one per decision ({})", mask.size(),
                            space.num_decisions()));
  }
  for (int d = 0; d < space.num_decisions(); ++d) {
    const std::size_t n = space.choices(d).size();
    if (mask[d].size() != n) {
      throw Error(fmt::format("DARTS choice mask: decision {} ({}) has {} entries; it needs {}", d,
                              space.decision_name(d), mask[d].size(), n));
    }
    bool any = false;
    for (bool alive : mask[d]) any = any || alive;
    // An emptied decision is a pruning bug, not a sub-network.
    if (!any)
      throw Error(fmt::format("DARTS choice mask: decision {} ({}) has no alive choice", d, space.decision_name(d)));
  }
}

}  // namespace prpnas::nn
