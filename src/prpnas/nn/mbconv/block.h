// The MBConv (inverted residual) block of MobileNetV2 and ProxylessNAS,
// without its shortcut (the layer adds it): a 1x1 expansion to
// in x expansion channels (absent at expansion 1), a k x k depthwise conv
// with the block's stride, each followed by BN and ReLU6, and a 1x1
// projection followed by BN. Convolutions have no bias, as torchvision's.
#ifndef PRPNAS_NN_MBCONV_BLOCK_H_
#define PRPNAS_NN_MBCONV_BLOCK_H_

#include <torch/torch.h>

namespace prpnas::nn {

class MbConvBlockImpl : public torch::nn::Module {
 public:
  MbConvBlockImpl(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t expansion, int64_t stride);
  torch::Tensor forward(const torch::Tensor& x);

  // The MACs of one image of side `in_size` (square), NB201's convention.
  double macs(int64_t in_size) const;

 private:
  int64_t in_, mid_, out_, kernel_, stride_;
  torch::nn::Sequential expand_{nullptr}, depthwise_{nullptr}, project_{nullptr};
};
TORCH_MODULE(MbConvBlock);

// A k x k conv (no bias) + BN + ReLU6: the stem, and the head's 1x1 conv.
torch::nn::Sequential conv_bn_relu6(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t stride,
                                    int64_t groups = 1);

// The side after a k x k conv with padding k/2 and `stride`.
int64_t conv_out_size(int64_t in_size, int64_t stride);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_MBCONV_BLOCK_H_
