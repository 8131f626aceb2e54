// CIFAR-10 / CIFAR-100 binary files (the first byte picks which) through the
// file reader.
#include "fuzz_support.h"
#include "prpnas/data/cifar_format.h"
#include "prpnas/util/file_bytes.h"

using namespace prpnas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const data::Cifar kind = data[0] % 2 == 0 ? data::Cifar::k10 : data::Cifar::k100;
  const std::string path = fuzz::write_input(fuzz::as_text(data + 1, size - 1), "cifar.bin");
  try {
    const std::vector<uint8_t> bytes = read_file_bytes(path, "fix");
    const int64_t n = data::check_cifar_records(bytes, kind, path, "fix");
    const int64_t record = data::cifar_label_bytes(kind) + data::kCifarPixels;
    fuzz::require(n >= 1 && static_cast<int64_t>(bytes.size()) == n * record, "records that do not fill the file");
  } catch (const Error& e) {
    fuzz::check_message(e);
  }
  return 0;
}
