// The MBConv (inverted residual) block of MobileNetV2, ProxylessNAS and
// MobileNetV3, without its shortcut (the layer adds it): a 1x1 expansion to
// in x expansion channels (absent at expansion 1), a k x k depthwise conv
// with the block's stride, each followed by BN and the activation (ReLU6,
// ReLU or h-swish), optionally squeeze-and-excitation (MobileNetV3's:
// pooling, 1x1 conv to mid/4 rounded to 8, ReLU, 1x1 conv back, hard
// sigmoid, as a gate), and a 1x1 projection followed by BN. Convolutions
// have no bias, as torchvision's, except the SE's.
#ifndef PRPNAS_NN_MBCONV_BLOCK_H_
#define PRPNAS_NN_MBCONV_BLOCK_H_

#include <torch/torch.h>

#include "prpnas/space/mbconv_space.h"

namespace prpnas::nn {

class SqueezeExcitationImpl : public torch::nn::Module {
 public:
  explicit SqueezeExcitationImpl(int64_t channels);
  torch::Tensor forward(const torch::Tensor& x);
  int64_t squeezed() const { return squeezed_; }

 private:
  int64_t squeezed_;
  torch::nn::Conv2d reduce_{nullptr}, expand_{nullptr};
};
TORCH_MODULE(SqueezeExcitation);

class MbConvBlockImpl : public torch::nn::Module {
 public:
  MbConvBlockImpl(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t expansion, int64_t stride,
                  space::MbActivation activation = space::MbActivation::kRelu6, bool se = false);
  torch::Tensor forward(const torch::Tensor& x);

  // The MACs of one image of side `in_size` (square), NB201's convention.
  double macs(int64_t in_size) const;

 private:
  int64_t in_, mid_, out_, kernel_, stride_;
  torch::nn::Sequential expand_{nullptr}, depthwise_{nullptr}, project_{nullptr};
  SqueezeExcitation se_{nullptr};
};
TORCH_MODULE(MbConvBlock);

// The module applying `activation`.
torch::nn::AnyModule activation_module(space::MbActivation activation);

// A k x k conv (no bias) + BN + activation: the stem, and the head's 1x1 conv.
torch::nn::Sequential conv_bn_act(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t stride,
                                  space::MbActivation activation, int64_t groups = 1);

// The side after a k x k conv with padding k/2 and `stride`.
int64_t conv_out_size(int64_t in_size, int64_t stride);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_MBCONV_BLOCK_H_
