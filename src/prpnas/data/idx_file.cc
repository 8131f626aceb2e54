#include "prpnas/data/idx_file.h"

#include <fmt/core.h>

#include <cstdint>
#include <vector>

#include "prpnas/data/idx_format.h"
#include "prpnas/util/file_bytes.h"
#include "prpnas/util/error.h"

namespace prpnas::data {

torch::Tensor read_idx_images(const std::string& path, const std::string& fix) {
  const std::vector<uint8_t> bytes = read_file_bytes(path, fix);
  const IdxImagesHeader h = check_idx_images(bytes, path, fix);
  return torch::from_blob(const_cast<uint8_t*>(bytes.data() + IdxImagesHeader::kPixelsAt),
                          {int64_t{h.count}, 1, int64_t{h.rows}, int64_t{h.cols}}, torch::kUInt8)
      .clone();
}

torch::Tensor read_idx_labels(const std::string& path, int num_classes, const std::string& fix) {
  const std::vector<uint8_t> bytes = read_file_bytes(path, fix);
  const uint32_t n = check_idx_labels(bytes, num_classes, path, fix);
  return torch::from_blob(const_cast<uint8_t*>(bytes.data() + kIdxLabelsAt), {int64_t{n}}, torch::kUInt8)
      .to(torch::kLong);
}

ImageSet read_idx_set(const std::string& images_path, const std::string& labels_path, int num_classes,
                      const std::string& fix) {
  ImageSet set;
  set.images = read_idx_images(images_path, fix);
  set.labels = read_idx_labels(labels_path, num_classes, fix);
  if (set.images.size(0) != set.labels.size(0)) {
    throw DataError(fmt::format("{}: {} labels for the {} images of {}; {}", labels_path, set.labels.size(0),
                                set.images.size(0), images_path, fix));
  }
  set.index = torch::arange(set.size(), torch::kLong);
  return set;
}

}  // namespace prpnas::data
