// A LUT from a published per-block device table for the MobileNet-style
// spaces (space/mbconv_space.h), in the CSV form that
// ../shared/data/device_luts/README.md describes
// (op,input,output,expand,kernel,stride,idskip,se,hs,count,mean_ms,var|std):
// - ProxylessNAS's `mobile_trim.yaml` (`var`; `expand` is the expansion ratio);
// - Once-for-All's Note10 tables (`std`; `expand` is the middle channel
//   count, and the rows carry the stage's SE and h-swish flags, which must
//   match the space's).
// Each (layer, MBConv choice) maps to the `expanded_conv` row of its shapes
// (the stage's first layer without, the others with the identity shortcut);
// skip costs 0; the fixed parts are the stem (`Conv`), the first block and
// the head (`Conv_1` + `Logits`, with OFA's `AvgPool2D` and `Conv_2`
// between). The network is the family's ImageNet network (stem stride 2) at
// the given resolution, with the given channel counts. Pure: no torch.
#ifndef PRPNAS_HW_DEVICE_LUT_IMPORT_H_
#define PRPNAS_HW_DEVICE_LUT_IMPORT_H_

#include <string>
#include <vector>

#include "prpnas/hw/latency_table.h"
#include "prpnas/space/mbconv_space.h"

namespace prpnas::hw {

// The channel counts of the timed network, after its width multiplier
// (nn::MbConvConfig's imagenet preset); feature_mix 0 when it has none.
struct MbChannels {
  int stem = 0, first_block = 0;
  std::vector<int> stages;
  int head = 0, feature_mix = 0;
};

// `setup` describes the device and the network; the entries' samples come
// from the table's `count`, median_ms is its `mean_ms` and mad_ms its `std`
// (or the square root of its `var`); setup.repeats becomes the fewest runs
// of any entry. Throws DataError naming the file and the first row the space
// needs that the table lacks (with the shapes it looked for).
LatencyTable import_device_table(const std::string& path, const space::MbConvSpace& space, const MbChannels& channels,
                                 int image_size, MeasurementSetup setup);

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_DEVICE_LUT_IMPORT_H_
