// The operations of the DARTS cells, as quark0/darts cnn/operations.py builds
// them for its evaluation networks (affine BN everywhere, no bias), C
// channels in and out, stride 1 or 2:
//   max_pool_3x3  MaxPool2d(3, stride, padding 1)
//   avg_pool_3x3  AvgPool2d(3, stride, padding 1, count_include_pad=False)
//   skip_connect  identity at stride 1, FactorizedReduce(C, C) at stride 2
//   sep_conv_kxk  (ReLU, depthwise kxk at stride, pointwise 1x1, BN), then the
//                 same again at stride 1: SepConv
//   dil_conv_kxk  ReLU, depthwise kxk with dilation 2 at stride, pointwise, BN
// No BN after the pools (model.py's network, not model_search.py's MixedOp).
// Plus the head (global average pool, Linear). The stem and ReLUConvBN are
// NB201's (nn/nb201/ops.h), which are DARTS's too.
#ifndef PRPNAS_NN_DARTS_OPS_H_
#define PRPNAS_NN_DARTS_OPS_H_

#include <torch/torch.h>

namespace prpnas::nn {

// DARTS's SepConv: two ReLU -> depthwise -> pointwise -> BN stacks, only the
// first at `stride`. Names: dw1, pw1, bn1, dw2, pw2, bn2.
struct DartsSepConvImpl : torch::nn::Module {
  DartsSepConvImpl(int64_t channels, int64_t kernel_size, int64_t stride);
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Conv2d dw1{nullptr}, pw1{nullptr}, dw2{nullptr}, pw2{nullptr};
  torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr};
};
TORCH_MODULE(DartsSepConv);

// DARTS's DilConv at dilation 2: ReLU -> depthwise -> pointwise -> BN.
struct DartsDilConvImpl : torch::nn::Module {
  DartsDilConvImpl(int64_t channels, int64_t kernel_size, int64_t stride);
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Conv2d dw{nullptr}, pw{nullptr};
  torch::nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(DartsDilConv);

// DARTS's FactorizedReduce: ReLU, two stride-2 1x1 convs (the second on the
// input shifted by one pixel) of out/2 channels each, concatenated, BN.
// Needs an even input side and an even `out_channels`.
struct DartsFactorizedReduceImpl : torch::nn::Module {
  DartsFactorizedReduceImpl(int64_t in_channels, int64_t out_channels);
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Conv2d conv_1{nullptr}, conv_2{nullptr};
  torch::nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(DartsFactorizedReduce);

// Global average pooling then `classifier`, as NetworkCIFAR ends.
struct DartsHeadImpl : torch::nn::Module {
  DartsHeadImpl(int64_t in_channels, int64_t num_classes);
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Linear classifier{nullptr};
};
TORCH_MODULE(DartsHead);

// Operation `op` (a space::DartsSpace::Op) with `channels` in and out.
torch::nn::AnyModule make_darts_op(int op, int64_t channels, int64_t stride);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_DARTS_OPS_H_
