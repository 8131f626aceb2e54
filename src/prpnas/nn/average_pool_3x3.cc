#include "prpnas/nn/average_pool_3x3.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <vector>

namespace prpnas::nn {

namespace {

// Rows and columns of the window around position p of a side of length n.
int64_t window_begin(int64_t p) { return std::max<int64_t>(p - 1, 0); }
int64_t window_end(int64_t p, int64_t n) { return std::min<int64_t>(p + 2, n); }

// Outputs 1 .. W-2 of one row: all three columns of the `kRows` rows in
// the window. Summed from 0 in libtorch's order; independent across `ow`,
// so the loop vectorises without changing any output.
template <int kRows>
void interior(const float* const* rows, float* __restrict__ y, int64_t width, float divisor, bool divide) {
  const float* __restrict__ r0 = rows[0];
  const float* __restrict__ r1 = rows[kRows > 1 ? 1 : 0];
  const float* __restrict__ r2 = rows[kRows > 2 ? 2 : 0];
  for (int64_t ow = 1; ow + 1 < width; ++ow) {
    float s = 0.f;
    s += r0[ow - 1];
    s += r0[ow];
    s += r0[ow + 1];
    if (kRows > 1) {
      s += r1[ow - 1];
      s += r1[ow];
      s += r1[ow + 1];
    }
    if (kRows > 2) {
      s += r2[ow - 1];
      s += r2[ow];
      s += r2[ow + 1];
    }
    y[ow] = divide ? s / divisor : s;
  }
}

// out[oh][ow] = the sum of in's 3x3 window around (oh, ow), clipped to the
// plane, in row-major window order from 0; divided by the window's size when
// `divide`.
void window_sums(const float* in, float* out, int64_t height, int64_t width, bool divide) {
  for (int64_t oh = 0; oh < height; ++oh) {
    const float* rows[3];
    int n = 0;
    for (int64_t r = window_begin(oh); r < window_end(oh, height); ++r) rows[n++] = in + r * width;
    float* y = out + oh * width;
    auto one = [&](int64_t ow) {
      const int64_t c0 = window_begin(ow), c1 = window_end(ow, width);
      float s = 0.f;
      for (int i = 0; i < n; ++i) {
        for (int64_t c = c0; c < c1; ++c) s += rows[i][c];
      }
      y[ow] = divide ? s / static_cast<float>(n * (c1 - c0)) : s;
    };
    one(0);
    const float divisor = static_cast<float>(3 * n);
    if (n == 3) interior<3>(rows, y, width, divisor, divide);
    if (n == 2) interior<2>(rows, y, width, divisor, divide);
    if (n == 1) interior<1>(rows, y, width, divisor, divide);
    if (width > 1) one(width - 1);
  }
}

// grad_output / window size, the share of each input libtorch's backward adds.
void divide_by_window(const float* g, float* out, int64_t height, int64_t width) {
  for (int64_t oh = 0; oh < height; ++oh) {
    const int64_t rows = window_end(oh, height) - window_begin(oh);
    for (int64_t ow = 0; ow < width; ++ow) {
      const int64_t cols = window_end(ow, width) - window_begin(ow);
      out[oh * width + ow] = g[oh * width + ow] / static_cast<float>(rows * cols);
    }
  }
}

// Runs `plane(in, out)` on every [H, W] plane of a contiguous [N, C, H, W]
// float tensor, planes split across libtorch's intra-op threads.
template <class Plane>
torch::Tensor per_plane(const torch::Tensor& input, Plane plane) {
  const torch::Tensor x = input.contiguous();
  torch::Tensor y = torch::empty_like(x);
  const int64_t height = x.size(2), width = x.size(3), area = height * width;
  const float* in = x.data_ptr<float>();
  float* out = y.data_ptr<float>();
  // Small planes in bulk: a task below about 32k elements is not worth a thread.
  const int64_t grain = std::max<int64_t>(1, 32768 / std::max<int64_t>(area, 1));
  at::parallel_for(0, x.size(0) * x.size(1), grain, [&](int64_t begin, int64_t end) {
    for (int64_t p = begin; p < end; ++p) plane(in + p * area, out + p * area, height, width);
  });
  return y;
}

torch::Tensor forward_kernel(const torch::Tensor& x) {
  return per_plane(x, [](const float* in, float* out, int64_t h, int64_t w) { window_sums(in, out, h, w, true); });
}

torch::Tensor backward_kernel(const torch::Tensor& grad_output) {
  return per_plane(grad_output, [](const float* g, float* out, int64_t h, int64_t w) {
    std::vector<float> share(static_cast<std::size_t>(h * w));
    divide_by_window(g, share.data(), h, w);
    window_sums(share.data(), out, h, w, false);
  });
}

class AveragePool3x3Function : public torch::autograd::Function<AveragePool3x3Function> {
 public:
  static torch::Tensor forward(torch::autograd::AutogradContext*, const torch::Tensor& x) {
    return forward_kernel(x);
  }
  static torch::autograd::variable_list backward(torch::autograd::AutogradContext*,
                                                 torch::autograd::variable_list grad_outputs) {
    return {backward_kernel(grad_outputs[0])};
  }
};

std::atomic<bool> torch_average_pool{false};

}  // namespace

void use_torch_average_pool(bool use) { torch_average_pool = use; }

torch::Tensor average_pool_3x3(const torch::Tensor& x) {
  if (x.scalar_type() != torch::kFloat || x.dim() != 4 || x.device() != torch::kCPU || torch_average_pool) {
    return torch::avg_pool2d(x, 3, 1, 1, /*ceil_mode=*/false, /*count_include_pad=*/false);
  }
  return AveragePool3x3Function::apply(x);
}

}  // namespace prpnas::nn
