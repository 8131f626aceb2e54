// IDX files, the format of MNIST and Fashion-MNIST: a big-endian header
// (magic 0x00000803 + N, rows, cols for images; 0x00000801 + N for labels)
// followed by exactly that many uint8 values. Gzipped or plain.
#ifndef PRPNAS_DATA_IDX_FILE_H_
#define PRPNAS_DATA_IDX_FILE_H_

#include <torch/torch.h>

#include <string>

#include "prpnas/util/file_bytes.h"
#include "prpnas/data/image_dataset.h"

namespace prpnas::data {

// uint8 [N, 1, rows, cols].
torch::Tensor read_idx_images(const std::string& path, const std::string& fix = kRedownload);

// int64 [N], every label < num_classes.
torch::Tensor read_idx_labels(const std::string& path, int num_classes, const std::string& fix = kRedownload);

// An image file and its label file, which must hold the same number of items.
// ImageSet::index is 0..N-1.
ImageSet read_idx_set(const std::string& images_path, const std::string& labels_path, int num_classes,
                      const std::string& fix = kRedownload);

}  // namespace prpnas::data

#endif  // PRPNAS_DATA_IDX_FILE_H_
