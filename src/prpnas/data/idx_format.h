// The IDX format's rules on a file's bytes, without torch (idx_file.h makes
// tensors of what passes; fuzz/idx_fuzz.cc reaches these checks directly):
// a big-endian header, magic 0x00000803 + N, rows, cols for images or
// 0x00000801 + N for labels, then exactly that many uint8 values.
#ifndef PRPNAS_DATA_IDX_FORMAT_H_
#define PRPNAS_DATA_IDX_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace prpnas::data {

struct IdxImagesHeader {
  uint32_t count = 0, rows = 0, cols = 0;
  static constexpr std::size_t kPixelsAt = 16;  // offset of the first pixel
};

// Throws DataError "PATH: ...; FIX" unless `bytes` hold a whole image file.
IdxImagesHeader check_idx_images(const std::vector<uint8_t>& bytes, const std::string& path, const std::string& fix);

// The number of labels, which start at byte kIdxLabelsAt; throws DataError
// unless `bytes` hold a whole label file with every label < num_classes.
inline constexpr std::size_t kIdxLabelsAt = 8;
uint32_t check_idx_labels(const std::vector<uint8_t>& bytes, int num_classes, const std::string& path,
                          const std::string& fix);

}  // namespace prpnas::data

#endif  // PRPNAS_DATA_IDX_FORMAT_H_
