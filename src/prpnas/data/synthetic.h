// A generated stand-in for an image dataset, so fast tests can train without
// files: 10 classes of 1x16x16 uint8 images. Each class has a fixed random
// template (smooth low-contrast blobs, the same in every run); an image is its
// class's template plus strong Gaussian noise, so the data is learnable but
// not trivially (the nearest class mean gets ~98% of the test images right).
// Labels cycle 0..9, so classes are balanced. Shape in docs/FORMATS.md.
#ifndef PRPNAS_DATA_SYNTHETIC_H_
#define PRPNAS_DATA_SYNTHETIC_H_

#include <cstdint>

#include "prpnas/data/image_dataset.h"

namespace prpnas::data {

inline constexpr int kSyntheticClasses = 10, kSyntheticSize = 16;
// Training files hold more than the default valid_size (10000).
inline constexpr int64_t kSyntheticTrain = 12000, kSyntheticTest = 2000;

// `count` images whose noise comes from `noise_seed` (train and test files
// use different seeds); the same arguments give the same images.
ImageSet synthetic_images(int64_t count, uint64_t noise_seed);

}  // namespace prpnas::data

#endif  // PRPNAS_DATA_SYNTHETIC_H_
