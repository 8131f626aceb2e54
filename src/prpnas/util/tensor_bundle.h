// The checkpoint's container: named raw arrays and a JSON value, in a format
// of our own and read without torch (so that fuzz/tensor_bundle_fuzz.cc
// reaches every byte of the parsing). libtorch's archives were used before;
// their reader imports TorchScript code and crashes on some damaged files
// (tests/cli/checkpoint_mutation_cli_test.cc found it).
//
//   prpnas-bundle 1\n
//   {"meta": ..., "arrays": [{"name", "dtype", "shape", "offset", "bytes"}, ...]}\n
//   the arrays' bytes (native little-endian), at their offsets after the newline
#ifndef PRPNAS_UTIL_TENSOR_BUNDLE_H_
#define PRPNAS_UTIL_TENSOR_BUNDLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace prpnas {

struct BundleArray {
  std::string name;
  std::string dtype;  // float32, float64, int64, int32 or uint8
  std::vector<int64_t> shape;
  std::string bytes;  // product(shape) x the dtype's size
};

struct TensorBundle {
  nlohmann::json meta = nlohmann::json::object();
  std::vector<BundleArray> arrays;

  // The array named `name`, or nullptr.
  const BundleArray* find(std::string_view name) const;
};

// Bytes per element of a dtype name; 0 for an unknown one.
std::size_t dtype_size(std::string_view dtype);

std::string write_bundle(const TensorBundle& bundle);

// Throws DataError "SOURCE: ..." in one line for anything but a whole,
// consistent bundle: the header, JSON, dtypes, shapes, sizes, bounds and
// names (unique) are all checked.
TensorBundle read_bundle(std::string_view bytes, const std::string& source);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_TENSOR_BUNDLE_H_
