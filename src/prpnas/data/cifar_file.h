// CIFAR-10 and CIFAR-100 "binary version" files: fixed-size records of label
// byte(s) then 3072 pixel bytes (1024 red, 1024 green, 1024 blue, each 32x32
// row-major, i.e. already [3, 32, 32]). CIFAR-10 records have one label
// byte; CIFAR-100 records a coarse (20 classes) then a fine (100 classes)
// label byte, and we use the fine one.
#ifndef PRPNAS_DATA_CIFAR_FILE_H_
#define PRPNAS_DATA_CIFAR_FILE_H_

#include <string>
#include <vector>

#include "prpnas/data/cifar_format.h"
#include "prpnas/util/file_bytes.h"
#include "prpnas/data/image_dataset.h"

namespace prpnas::data {

// uint8 [N, 3, 32, 32] and fine labels; ImageSet::index is 0..N-1. Throws
// DataError unless the size is a whole number of records and labels are in range.
ImageSet read_cifar_file(const std::string& path, Cifar kind, const std::string& fix = kRedownload);

// The training files in order, then the test file.
struct CifarFiles {
  std::vector<std::string> train;
  std::string test;
};

// CIFAR-10: data_batch_1.bin .. data_batch_5.bin and test_batch.bin;
// CIFAR-100: train.bin and test.bin. Looked for in `dir`, then in the folder
// the archives unpack to (cifar-10-batches-bin, cifar-100-binary). Throws
// DataError naming the first missing file.
CifarFiles find_cifar_files(const std::string& dir, Cifar kind, const std::string& fix);

}  // namespace prpnas::data

#endif  // PRPNAS_DATA_CIFAR_FILE_H_
