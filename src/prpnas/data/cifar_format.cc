#include "prpnas/data/cifar_format.h"

#include <fmt/core.h>

#include "prpnas/util/error.h"

namespace prpnas::data {

int cifar_classes(Cifar kind) { return kind == Cifar::k10 ? 10 : 100; }

int64_t cifar_label_bytes(Cifar kind) { return kind == Cifar::k10 ? 1 : 2; }

int64_t check_cifar_records(const std::vector<uint8_t>& bytes, Cifar kind, const std::string& path,
                            const std::string& fix) {
  const int64_t label_bytes = cifar_label_bytes(kind), record = label_bytes + kCifarPixels;
  const char* name = kind == Cifar::k10 ? "CIFAR-10" : "CIFAR-100";
  const int64_t size = static_cast<int64_t>(bytes.size());
  if (size == 0 || size % record != 0) {
    throw DataError(
        fmt::format("{}: {} bytes is not a whole number of {}-byte {} records ({} label byte(s) + "
                    "3072 pixels); {}",
                    path, size, record, name, label_bytes, fix));
  }
  const int64_t n = size / record;
  const int classes = cifar_classes(kind);
  for (int64_t i = 0; i < n; ++i) {
    const uint8_t* r = bytes.data() + i * record;
    if (r[label_bytes - 1] >= classes) {
      throw DataError(fmt::format("{}: record {} has label {}, but {} has {} classes (0..{}); {}", path, i,
                                  r[label_bytes - 1], name, classes, classes - 1, fix));
    }
    // An out-of-range coarse label means a wrong file, even if fine labels look right.
    if (kind == Cifar::k100 && r[0] >= 20) {
      throw DataError(fmt::format("{}: record {} has coarse label {}, but CIFAR-100 has 20 superclasses; {}",
                                  path, i, r[0], fix));
    }
  }
  return n;
}

}  // namespace prpnas::data
