// 3x3 average pooling, stride 1, padding 1, padding not counted: the
// avg_pool_3x3 operation of NB201 and DARTS cells. libtorch 1.13's CPU kernel
// for it (avg_pool2d on NCHW) is a scalar loop that took 44 % of a
// shared-weight evaluation of the NB201 supernet, more than all convolutions
// together; this one computes the same numbers several times faster.
//
// Exactly the same numbers, bit for bit, forward and backward: every output
// is the float sum of its window taken in libtorch's order (row by row, from
// 0), divided by the window's size, and every input gradient the float sum of
// grad_output / window size over the outputs that read it, in output order.
// Only the order of independent outputs changes, which lets the compiler
// vectorise across a row. tests/nn/average_pool_3x3_test.cc compares both
// with torch::avg_pool2d bit for bit.
#ifndef PRPNAS_NN_AVERAGE_POOL_3X3_H_
#define PRPNAS_NN_AVERAGE_POOL_3X3_H_

#include <torch/torch.h>

namespace prpnas::nn {

// x: [N, C, H, W]. Float tensors take the fast kernel (with autograd); any
// other dtype goes to torch::avg_pool2d with the same options.
torch::Tensor average_pool_3x3(const torch::Tensor& x);

// For a benchmark that times this kernel against the one it replaces in the
// same run (bench/supernet_bench.cc): while set, every call above goes to
// torch::avg_pool2d.
void use_torch_average_pool(bool use);

class AveragePool3x3Impl : public torch::nn::Module {
 public:
  torch::Tensor forward(const torch::Tensor& x) { return average_pool_3x3(x); }
};
TORCH_MODULE(AveragePool3x3);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_AVERAGE_POOL_3X3_H_
