#include "prpnas/nn/darts/ops.h"

#include <string>

#include "prpnas/nn/average_pool_3x3.h"
#include "prpnas/space/darts_space.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {

namespace {

namespace tnn = torch::nn;

tnn::Conv2d darts_depthwise(int64_t channels, int64_t kernel_size, int64_t stride, int64_t dilation) {
  // Padding dilation*(k-1)/2 keeps the side at stride 1 and halves an even one at stride 2.
  return tnn::Conv2d(tnn::Conv2dOptions(channels, channels, kernel_size)
                         .stride(stride)
                         .padding(dilation * (kernel_size - 1) / 2)
                         .dilation(dilation)
                         .groups(channels)
                         .bias(false));
}

tnn::Conv2d darts_pointwise(int64_t in_channels, int64_t out_channels, int64_t stride = 1) {
  return tnn::Conv2d(tnn::Conv2dOptions(in_channels, out_channels, 1).stride(stride).bias(false));
}

// Stride-2 3x3 average pooling without counting the padding. The stride-1
// case takes the faster, bit-identical AveragePool3x3.
struct DartsStridedAvgPoolImpl : tnn::Module {
  torch::Tensor forward(const torch::Tensor& x) {
    return torch::avg_pool2d(x, 3, 2, 1, /*ceil_mode=*/false, /*count_include_pad=*/false);
  }
};
TORCH_MODULE(DartsStridedAvgPool);

}  // namespace

DartsSepConvImpl::DartsSepConvImpl(int64_t channels, int64_t kernel_size, int64_t stride) {
  dw1 = register_module("dw1", darts_depthwise(channels, kernel_size, stride, 1));
  pw1 = register_module("pw1", darts_pointwise(channels, channels));
  bn1 = register_module("bn1", tnn::BatchNorm2d(channels));
  dw2 = register_module("dw2", darts_depthwise(channels, kernel_size, 1, 1));
  pw2 = register_module("pw2", darts_pointwise(channels, channels));
  bn2 = register_module("bn2", tnn::BatchNorm2d(channels));
}

torch::Tensor DartsSepConvImpl::forward(const torch::Tensor& x) {
  const torch::Tensor h = bn1(pw1(dw1(torch::relu(x))));
  return bn2(pw2(dw2(torch::relu(h))));
}

DartsDilConvImpl::DartsDilConvImpl(int64_t channels, int64_t kernel_size, int64_t stride) {
  dw = register_module("dw", darts_depthwise(channels, kernel_size, stride, 2));
  pw = register_module("pw", darts_pointwise(channels, channels));
  bn = register_module("bn", tnn::BatchNorm2d(channels));
}

torch::Tensor DartsDilConvImpl::forward(const torch::Tensor& x) { return bn(pw(dw(torch::relu(x)))); }

DartsFactorizedReduceImpl::DartsFactorizedReduceImpl(int64_t in_channels, int64_t out_channels) {
  if (out_channels % 2 != 0) {
    throw ConfigError("DARTS FactorizedReduce needs an even number of output channels, got " +
                      std::to_string(out_channels));
  }
  conv_1 = register_module("conv_1", darts_pointwise(in_channels, out_channels / 2, 2));
  conv_2 = register_module("conv_2", darts_pointwise(in_channels, out_channels / 2, 2));
  bn = register_module("bn", tnn::BatchNorm2d(out_channels));
}

torch::Tensor DartsFactorizedReduceImpl::forward(const torch::Tensor& x) {
  using torch::indexing::None;
  using torch::indexing::Slice;
  const torch::Tensor h = torch::relu(x);
  const torch::Tensor shifted = h.index({Slice(), Slice(), Slice(1, None), Slice(1, None)});
  return bn(torch::cat({conv_1(h), conv_2(shifted)}, 1));
}

DartsHeadImpl::DartsHeadImpl(int64_t in_channels, int64_t num_classes) {
  classifier = register_module("classifier", tnn::Linear(in_channels, num_classes));
}

torch::Tensor DartsHeadImpl::forward(const torch::Tensor& x) { return classifier(x.mean({2, 3})); }

tnn::AnyModule make_darts_op(int op, int64_t channels, int64_t stride) {
  using space::DartsSpace;
  switch (op) {
    case DartsSpace::kMaxPool3x3:
      return tnn::AnyModule(tnn::MaxPool2d(tnn::MaxPool2dOptions(3).stride(stride).padding(1)));
    case DartsSpace::kAvgPool3x3:
      return stride == 1 ? tnn::AnyModule(AveragePool3x3()) : tnn::AnyModule(DartsStridedAvgPool());
    case DartsSpace::kSkipConnect:
      return stride == 1 ? tnn::AnyModule(tnn::Identity()) : tnn::AnyModule(DartsFactorizedReduce(channels, channels));
    case DartsSpace::kSepConv3x3:
      return tnn::AnyModule(DartsSepConv(channels, 3, stride));
    case DartsSpace::kSepConv5x5:
      return tnn::AnyModule(DartsSepConv(channels, 5, stride));
    case DartsSpace::kDilConv3x3:
      return tnn::AnyModule(DartsDilConv(channels, 3, stride));
    case DartsSpace::kDilConv5x5:
      return tnn::AnyModule(DartsDilConv(channels, 5, stride));
    default:
      throw Error("DARTS operation " + std::to_string(op) + " is out of range 0..6");
  }
}

}  // namespace prpnas::nn
