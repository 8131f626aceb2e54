#include "prpnas/nn/mbconv/block.h"

#include <stdexcept>

#include "prpnas/nn/mbconv/config.h"

namespace prpnas::nn {

namespace tnn = torch::nn;

tnn::AnyModule activation_module(space::MbActivation activation) {
  switch (activation) {
    case space::MbActivation::kRelu6: return tnn::AnyModule(tnn::ReLU6());
    case space::MbActivation::kRelu: return tnn::AnyModule(tnn::ReLU());
    case space::MbActivation::kHswish:
      return tnn::AnyModule(tnn::Functional([](const torch::Tensor& x) { return torch::hardswish(x); }));
  }
  throw std::logic_error("unknown MBConv activation");
}

tnn::Sequential conv_bn_act(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t stride,
                            space::MbActivation activation, int64_t groups) {
  tnn::Sequential layers(tnn::Conv2d(tnn::Conv2dOptions(in_channels, out_channels, kernel)
                                         .stride(stride)
                                         .padding(kernel / 2)
                                         .groups(groups)
                                         .bias(false)),
                         tnn::BatchNorm2d(out_channels));
  layers->push_back(activation_module(activation));
  return layers;
}

SqueezeExcitationImpl::SqueezeExcitationImpl(int64_t channels)
    : squeezed_(make_divisible(static_cast<double>(channels / 4))),
      reduce_(register_module("reduce", tnn::Conv2d(tnn::Conv2dOptions(channels, squeezed_, 1)))),
      expand_(register_module("expand", tnn::Conv2d(tnn::Conv2dOptions(squeezed_, channels, 1)))) {}

torch::Tensor SqueezeExcitationImpl::forward(const torch::Tensor& x) {
  const torch::Tensor gate = torch::hardsigmoid(expand_(torch::relu(reduce_(x.mean({2, 3}, /*keepdim=*/true)))));
  return x * gate;
}

int64_t conv_out_size(int64_t in_size, int64_t stride) { return (in_size - 1) / stride + 1; }

MbConvBlockImpl::MbConvBlockImpl(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t expansion,
                                 int64_t stride, space::MbActivation activation, bool se)
    : in_(in_channels), mid_(in_channels * expansion), out_(out_channels), kernel_(kernel), stride_(stride) {
  if (expansion != 1) expand_ = register_module("expand", conv_bn_act(in_, mid_, 1, 1, activation));
  depthwise_ = register_module("depthwise", conv_bn_act(mid_, mid_, kernel, stride, activation, mid_));
  if (se) se_ = register_module("se", SqueezeExcitation(mid_));
  project_ = register_module(
      "project", tnn::Sequential(tnn::Conv2d(tnn::Conv2dOptions(mid_, out_, 1).bias(false)), tnn::BatchNorm2d(out_)));
}

torch::Tensor MbConvBlockImpl::forward(const torch::Tensor& x) {
  const torch::Tensor h = depthwise_->forward(expand_.is_empty() ? x : expand_->forward(x));
  return project_->forward(se_.is_empty() ? h : se_->forward(h));
}

double MbConvBlockImpl::macs(int64_t in_size) const {
  const double in_area = static_cast<double>(in_size * in_size);
  const int64_t out_size = conv_out_size(in_size, stride_);
  const double out_area = static_cast<double>(out_size * out_size);
  const double expand = expand_.is_empty() ? 0.0 : static_cast<double>(in_ * mid_) * in_area;
  const double se = se_.is_empty() ? 0.0 : 2.0 * static_cast<double>(mid_ * se_->squeezed());
  return expand + static_cast<double>(mid_ * kernel_ * kernel_) * out_area + se +
         static_cast<double>(mid_ * out_) * out_area;
}

}  // namespace prpnas::nn
