#include "prpnas/nn/nb201/ops.h"

#include <string>

#include "prpnas/nn/average_pool_3x3.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {

namespace tnn = torch::nn;

ReLUConvBNImpl::ReLUConvBNImpl(const ReLUConvBNOptions& o) {
  conv = register_module("conv", tnn::Conv2d(tnn::Conv2dOptions(o.in_channels(), o.out_channels(), o.kernel_size())
                                                 .stride(o.stride())
                                                 .padding((o.kernel_size() - 1) / 2)
                                                 .bias(false)));
  bn = register_module("bn", tnn::BatchNorm2d(o.out_channels()));
}

torch::Tensor ReLUConvBNImpl::forward(const torch::Tensor& x) { return bn(conv(torch::relu(x))); }

ResNetBasicBlockImpl::ResNetBasicBlockImpl(int64_t in_channels, int64_t out_channels) {
  conv_a = register_module("conv_a", ReLUConvBN(ReLUConvBNOptions(in_channels, out_channels, 3).stride(2)));
  conv_b = register_module("conv_b", ReLUConvBN(ReLUConvBNOptions(out_channels, out_channels, 3)));
  downsample = register_module(
      "downsample", tnn::Sequential(tnn::AvgPool2d(tnn::AvgPool2dOptions(2).stride(2)),
                                    tnn::Conv2d(tnn::Conv2dOptions(in_channels, out_channels, 1).bias(false))));
}

torch::Tensor ResNetBasicBlockImpl::forward(const torch::Tensor& x) {
  return conv_b(conv_a(x)) + downsample->forward(x);
}

Nb201HeadImpl::Nb201HeadImpl(int64_t in_channels, int64_t num_classes) {
  lastact = register_module("lastact", tnn::BatchNorm2d(in_channels));
  classifier = register_module("classifier", tnn::Linear(in_channels, num_classes));
}

torch::Tensor Nb201HeadImpl::forward(const torch::Tensor& x) {
  const torch::Tensor features = torch::relu(lastact(x)).mean({2, 3});  // global average pool
  return classifier(features);
}

tnn::Sequential make_nb201_stem(int64_t in_channels, int64_t channels) {
  return tnn::Sequential(tnn::Conv2d(tnn::Conv2dOptions(in_channels, channels, 3).padding(1).bias(false)),
                         tnn::BatchNorm2d(channels));
}

tnn::AnyModule make_op(std::string_view choice, int64_t channels) {
  if (choice == "none") return tnn::AnyModule(Zero());
  if (choice == "skip_connect") return tnn::AnyModule(tnn::Identity());
  if (choice == "nor_conv_1x1") return tnn::AnyModule(ReLUConvBN(ReLUConvBNOptions(channels, channels, 1)));
  if (choice == "nor_conv_3x3") return tnn::AnyModule(ReLUConvBN(ReLUConvBNOptions(channels, channels, 3)));
  if (choice == "avg_pool_3x3") {
    return tnn::AnyModule(AveragePool3x3());
  }
  throw ConfigError("unknown NB201 operation '" + std::string(choice) +
                    "' (operations: none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)");
}

}  // namespace prpnas::nn
