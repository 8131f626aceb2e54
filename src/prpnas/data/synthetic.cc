#include "prpnas/data/synthetic.h"

namespace prpnas::data {

namespace {

constexpr uint64_t kTemplateSeed = 20240601;
// In [0,1] units. Low contrast against strong noise keeps the classes
// separable but not trivially (see the test): architectures can differ.
constexpr double kContrast = 0.3, kNoise = 0.25;

// [classes, 1, S, S] within 0.5 +- kContrast/2: 4x4 random values, smoothly upsampled.
torch::Tensor templates() {
  torch::Generator gen = at::detail::createCPUGenerator(kTemplateSeed);
  const torch::Tensor coarse = 0.5 + kContrast * (torch::rand({kSyntheticClasses, 1, 4, 4}, gen) - 0.5);
  return torch::nn::functional::interpolate(coarse,
                                            torch::nn::functional::InterpolateFuncOptions()
                                                .size(std::vector<int64_t>{kSyntheticSize, kSyntheticSize})
                                                .mode(torch::kBilinear)
                                                .align_corners(false));
}

}  // namespace

ImageSet synthetic_images(int64_t count, uint64_t noise_seed) {
  torch::Generator gen = at::detail::createCPUGenerator(noise_seed);
  ImageSet set;
  set.labels = torch::arange(count, torch::kLong).remainder(kSyntheticClasses);
  set.index = torch::arange(count, torch::kLong);
  const torch::Tensor noise = torch::randn({count, 1, kSyntheticSize, kSyntheticSize}, gen) * kNoise;
  set.images =
      (templates().index_select(0, set.labels) + noise).mul(255).round().clamp(0, 255).to(torch::kUInt8);
  return set;
}

}  // namespace prpnas::data
