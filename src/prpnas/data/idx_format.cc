#include "prpnas/data/idx_format.h"

#include <fmt/core.h>

#include "prpnas/util/error.h"

namespace prpnas::data {

namespace {

constexpr uint32_t kImagesMagic = 0x00000803, kLabelsMagic = 0x00000801;

uint32_t big_endian(const std::vector<uint8_t>& bytes, std::size_t at) {
  return uint32_t{bytes[at]} << 24 | uint32_t{bytes[at + 1]} << 16 | uint32_t{bytes[at + 2]} << 8 |
         uint32_t{bytes[at + 3]};
}

// The header's words after the magic; throws unless the magic is `magic`.
std::vector<uint32_t> read_header(const std::vector<uint8_t>& bytes, uint32_t magic, int dims,
                                  const std::string& path, const std::string& fix) {
  const std::size_t size = 4 * (1 + dims);
  const char* what = magic == kImagesMagic ? "IDX image file" : "IDX label file";
  if (bytes.size() < size) {
    throw DataError(fmt::format("{}: {} bytes, too short for an {} header ({} bytes); {}", path, bytes.size(),
                                what, size, fix));
  }
  if (big_endian(bytes, 0) != magic) {
    throw DataError(fmt::format("{}: not an {} (magic 0x{:08x}, expected 0x{:08x}); {}", path, what,
                                big_endian(bytes, 0), magic, fix));
  }
  std::vector<uint32_t> words;
  for (int d = 0; d < dims; ++d) words.push_back(big_endian(bytes, 4 * (1 + d)));
  return words;
}

// Throws unless exactly `count` items of `item_bytes` follow the header.
void check_payload(const std::vector<uint8_t>& bytes, std::size_t header, uint64_t count, uint64_t item_bytes,
                   const std::string& items, const char* kind, const std::string& path,
                   const std::string& fix) {
  const uint64_t payload = bytes.size() - header;
  // count * item_bytes may overflow for a garbage header; compare by division.
  if (count > payload / item_bytes) {
    throw DataError(fmt::format("{}: truncated: header says {} {} but only {} bytes of {} follow; {}", path,
                                count, items, payload, kind, fix));
  }
  if (count * item_bytes != payload) {
    throw DataError(fmt::format("{}: {} unexpected bytes after the {} {} the header announces; {}", path,
                                payload - count * item_bytes, count, items, fix));
  }
}

}  // namespace

IdxImagesHeader check_idx_images(const std::vector<uint8_t>& bytes, const std::string& path, const std::string& fix) {
  const std::vector<uint32_t> dims = read_header(bytes, kImagesMagic, 3, path, fix);
  const uint32_t n = dims[0], rows = dims[1], cols = dims[2];
  if (n == 0 || rows == 0 || cols == 0) {
    throw DataError(
        fmt::format("{}: header says {} images of {}x{}, nothing to read; {}", path, n, rows, cols, fix));
  }
  check_payload(bytes, IdxImagesHeader::kPixelsAt, n, uint64_t{rows} * cols, fmt::format("images of {}x{}", rows, cols),
                "pixels", path, fix);
  return {n, rows, cols};
}

uint32_t check_idx_labels(const std::vector<uint8_t>& bytes, int num_classes, const std::string& path,
                          const std::string& fix) {
  const uint32_t n = read_header(bytes, kLabelsMagic, 1, path, fix)[0];
  if (n == 0) throw DataError(path + ": header says 0 labels, nothing to read; " + fix);
  check_payload(bytes, kIdxLabelsAt, n, 1, "labels", "labels", path, fix);
  for (std::size_t i = kIdxLabelsAt; i < bytes.size(); ++i) {
    if (bytes[i] >= num_classes) {
      throw DataError(fmt::format("{}: label {} of item {} is out of range ({} classes: 0..{}); {}", path,
                                  bytes[i], i - kIdxLabelsAt, num_classes, num_classes - 1, fix));
    }
  }
  return n;
}

}  // namespace prpnas::data
