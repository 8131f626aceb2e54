// The operations of NAS-Bench-201 (Dong & Yang, ICLR 2020), built as NB201's
// xautodl/models/cell_operations.py builds them for its benchmark networks
// (affine BN with running statistics, convolutions without bias):
//   none          x.mul(0.): zeros that still depend on x, as NB201 does
//   skip_connect  identity
//   nor_conv_kxk  ReLU -> Conv2d(k, padding (k-1)/2, no bias) -> BatchNorm2d
//   avg_pool_3x3  AvgPool2d(3, stride 1, padding 1, count_include_pad=false) (average_pool_3x3.h)
// plus the fixed parts between and after the cells: the stride-2 ResNet basic
// block that reduces between stages and the head (BN + ReLU, global average
// pooling, Linear).
#ifndef PRPNAS_NN_NB201_OPS_H_
#define PRPNAS_NN_NB201_OPS_H_

#include <torch/torch.h>

#include <string_view>

namespace prpnas::nn {

struct ReLUConvBNOptions {
  ReLUConvBNOptions(int64_t in_channels, int64_t out_channels, int64_t kernel_size)
      : in_channels_(in_channels), out_channels_(out_channels), kernel_size_(kernel_size) {}
  TORCH_ARG(int64_t, in_channels);
  TORCH_ARG(int64_t, out_channels);
  TORCH_ARG(int64_t, kernel_size);  // odd; padding (k-1)/2 keeps the size at stride 1
  TORCH_ARG(int64_t, stride) = 1;
};

struct ReLUConvBNImpl : torch::nn::Module {
  explicit ReLUConvBNImpl(const ReLUConvBNOptions& options);
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Conv2d conv{nullptr};
  torch::nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(ReLUConvBN);

// NB201's `none`. Multiplying (not torch::zeros) keeps the graph and the
// cost of the op the same as in NB201.
struct ZeroImpl : torch::nn::Module {
  torch::Tensor forward(const torch::Tensor& x) { return x.mul(0.); }
};
TORCH_MODULE(Zero);

// NB201's ResNetBasicblock in the stride-2 form that reduces between stages:
// conv_b(conv_a(x)) + downsample(x), where conv_a is a stride-2 3x3
// ReLUConvBN and downsample is a 2x2 average pool then a 1x1 conv (no BN).
struct ResNetBasicBlockImpl : torch::nn::Module {
  ResNetBasicBlockImpl(int64_t in_channels, int64_t out_channels);
  torch::Tensor forward(const torch::Tensor& x);

  ReLUConvBN conv_a{nullptr}, conv_b{nullptr};
  torch::nn::Sequential downsample{nullptr};
};
TORCH_MODULE(ResNetBasicBlock);

// NB201's `lastact` (BN + ReLU), global average pooling and `classifier`.
struct Nb201HeadImpl : torch::nn::Module {
  Nb201HeadImpl(int64_t in_channels, int64_t num_classes);
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::BatchNorm2d lastact{nullptr};
  torch::nn::Linear classifier{nullptr};
};
TORCH_MODULE(Nb201Head);

// NB201's stem: Conv2d 3x3 (no bias) + BatchNorm2d.
torch::nn::Sequential make_nb201_stem(int64_t in_channels, int64_t channels);

// A cell operation by its NB201 name, stride 1, `channels` in and out.
// Throws ConfigError for an unknown name.
torch::nn::AnyModule make_op(std::string_view choice, int64_t channels);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_NB201_OPS_H_
