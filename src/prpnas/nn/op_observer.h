// libtorch C++ modules have no forward hooks, so the NB201 networks call an
// optional observer around each piece they run: every (decision, choice) op
// and every fixed part ("stem", "reduction1", "reduction2", "head"). Cost
// counters use it to see shapes, the latency tables to time the pieces.
//
// A decision's op sits in every cell, so before_op/after_op come once per
// cell that runs it, in cell order (stage 1 first). Within a cell the ops run
// edge by edge in decision order; in a masked forward all alive choices of an
// edge run, in choice order. A stand-alone network has no module for `none`
// edges and reports nothing for them.
#ifndef PRPNAS_NN_OP_OBSERVER_H_
#define PRPNAS_NN_OP_OBSERVER_H_

#include <torch/torch.h>

#include <string>
#include <type_traits>

namespace prpnas::nn {

class OpObserver {
 public:
  virtual ~OpObserver() = default;

  virtual void before_op(int decision, int choice, const torch::Tensor& in) { (void)decision, (void)choice, (void)in; }
  virtual void after_op(int decision, int choice, const torch::Tensor& out) { (void)decision, (void)choice, (void)out; }
  virtual void before_fixed(const std::string& part, const torch::Tensor& in) { (void)part, (void)in; }
  virtual void after_fixed(const std::string& part, const torch::Tensor& out) { (void)part, (void)out; }
};

// Runs the fixed part `module` (a module holder or an AnyModule) on `x`
// between the observer's before_fixed and after_fixed; nullptr observes
// nothing. Every family's skeleton runs its fixed parts through this.
template <class Module>
torch::Tensor run_fixed_part(OpObserver* observer, const std::string& part, Module& module, const torch::Tensor& x) {
  if (observer != nullptr) observer->before_fixed(part, x);
  torch::Tensor out;
  if constexpr (std::is_same_v<Module, torch::nn::AnyModule>) {
    out = module.forward(x);
  } else {
    out = module->forward(x);
  }
  if (observer != nullptr) observer->after_fixed(part, out);
  return out;
}

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_OP_OBSERVER_H_
