// IDX files (MNIST, Fashion-MNIST), plain or gzipped, through the file
// reader: images, or labels for 10 classes when the first byte is odd.
#include "fuzz_support.h"
#include "prpnas/data/idx_format.h"
#include "prpnas/util/file_bytes.h"

using namespace prpnas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string path = fuzz::write_input(fuzz::as_text(data + 1, size - 1), "file-idx-ubyte");
  try {
    const std::vector<uint8_t> bytes = read_file_bytes(path, "fix");
    if (data[0] % 2 == 0) {
      const data::IdxImagesHeader h = data::check_idx_images(bytes, path, "fix");
      fuzz::require(bytes.size() == data::IdxImagesHeader::kPixelsAt + uint64_t{h.count} * h.rows * h.cols,
                    "images that do not fill the file exactly");
    } else {
      const uint32_t n = data::check_idx_labels(bytes, 10, path, "fix");
      fuzz::require(bytes.size() == data::kIdxLabelsAt + n, "labels that do not fill the file exactly");
      for (std::size_t i = data::kIdxLabelsAt; i < bytes.size(); ++i) fuzz::require(bytes[i] < 10, "a bad label");
    }
  } catch (const Error& e) {
    fuzz::check_message(e);
  }
  return 0;
}
