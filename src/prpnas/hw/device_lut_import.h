// A LUT from a published per-block device table for the MobileNet-style
// spaces (space/mbconv_space.h): ProxylessNAS's `mobile_trim.yaml` as
// ../shared/data/device_luts/README.md describes its CSV form
// (op,input,output,expand,kernel,stride,idskip,...,count,mean_ms,var).
// Each (layer, MBConv choice) maps to the `expanded_conv` row of its shapes
// (the stage's first layer without, the others with the identity shortcut);
// skip costs 0; the fixed parts are the stem (`Conv`), the first block and
// the head (`Conv_1` + `Logits`). The network is the family's width-1.0
// ImageNet network (stem stride 2) at the given resolution. Pure: no torch.
#ifndef PRPNAS_HW_DEVICE_LUT_IMPORT_H_
#define PRPNAS_HW_DEVICE_LUT_IMPORT_H_

#include <string>

#include "prpnas/hw/latency_table.h"
#include "prpnas/space/mbconv_space.h"

namespace prpnas::hw {

// `setup` describes the device and the network; the entries' samples come
// from the table's `count`, median_ms is its `mean_ms` and mad_ms the square
// root of its `var`; setup.repeats becomes the fewest runs of any entry. Throws DataError naming the file and the first row the
// space needs that the table lacks (with the shapes it looked for).
LatencyTable import_device_table(const std::string& path, const space::MbConvSpace& space, int image_size,
                                 MeasurementSetup setup);

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_DEVICE_LUT_IMPORT_H_
