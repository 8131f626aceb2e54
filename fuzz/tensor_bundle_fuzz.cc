// The checkpoint's container (util/tensor_bundle.h): what reads writes back
// to bytes that read as the same bundle.
#include "fuzz_support.h"
#include "prpnas/util/tensor_bundle.h"

using namespace prpnas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  try {
    const TensorBundle bundle = read_bundle(fuzz::as_text(data, size), "checkpoint");
    for (const BundleArray& a : bundle.arrays) {
      std::size_t elements = 1;
      for (const int64_t d : a.shape) elements *= static_cast<std::size_t>(d);
      fuzz::require(a.bytes.size() == elements * dtype_size(a.dtype), "an array whose bytes do not fit its shape");
    }
    const TensorBundle again = read_bundle(write_bundle(bundle), "again");
    fuzz::require(again.meta == bundle.meta && again.arrays.size() == bundle.arrays.size(), "a changed round trip");
    for (std::size_t i = 0; i < again.arrays.size(); ++i) {
      fuzz::require(again.arrays[i].name == bundle.arrays[i].name && again.arrays[i].bytes == bundle.arrays[i].bytes,
                    "an array changed in a round trip");
    }
  } catch (const Error& e) {
    fuzz::check_message(e);
  }
  return 0;
}
