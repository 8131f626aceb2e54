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

namespace prpnas::nn {

class OpObserver {
 public:
  virtual ~OpObserver() = default;

  virtual void before_op(int decision, int choice, const torch::Tensor& in) { (void)decision, (void)choice, (void)in; }
  virtual void after_op(int decision, int choice, const torch::Tensor& out) { (void)decision, (void)choice, (void)out; }
  virtual void before_fixed(const std::string& part, const torch::Tensor& in) { (void)part, (void)in; }
  virtual void after_fixed(const std::string& part, const torch::Tensor& out) { (void)part, (void)out; }
};

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_OP_OBSERVER_H_
