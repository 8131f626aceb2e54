#include "prpnas/nn/mbconv/block.h"

namespace prpnas::nn {

namespace tnn = torch::nn;

tnn::Sequential conv_bn_relu6(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t stride,
                              int64_t groups) {
  return tnn::Sequential(
      tnn::Conv2d(tnn::Conv2dOptions(in_channels, out_channels, kernel)
                      .stride(stride)
                      .padding(kernel / 2)
                      .groups(groups)
                      .bias(false)),
      tnn::BatchNorm2d(out_channels), tnn::ReLU6());
}

int64_t conv_out_size(int64_t in_size, int64_t stride) { return (in_size - 1) / stride + 1; }

MbConvBlockImpl::MbConvBlockImpl(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t expansion,
                                 int64_t stride)
    : in_(in_channels), mid_(in_channels * expansion), out_(out_channels), kernel_(kernel), stride_(stride) {
  if (expansion != 1) expand_ = register_module("expand", conv_bn_relu6(in_, mid_, 1, 1));
  depthwise_ = register_module("depthwise", conv_bn_relu6(mid_, mid_, kernel, stride, mid_));
  project_ = register_module(
      "project", tnn::Sequential(tnn::Conv2d(tnn::Conv2dOptions(mid_, out_, 1).bias(false)), tnn::BatchNorm2d(out_)));
}

torch::Tensor MbConvBlockImpl::forward(const torch::Tensor& x) {
  const torch::Tensor h = expand_.is_empty() ? x : expand_->forward(x);
  return project_->forward(depthwise_->forward(h));
}

double MbConvBlockImpl::macs(int64_t in_size) const {
  const double in_area = static_cast<double>(in_size * in_size);
  const int64_t out_size = conv_out_size(in_size, stride_);
  const double out_area = static_cast<double>(out_size * out_size);
  const double expand = expand_.is_empty() ? 0.0 : static_cast<double>(in_ * mid_) * in_area;
  return expand + static_cast<double>(mid_ * kernel_ * kernel_) * out_area + static_cast<double>(mid_ * out_) * out_area;
}

}  // namespace prpnas::nn
