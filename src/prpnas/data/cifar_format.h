// The CIFAR binary format's rules on a file's bytes, without torch
// (cifar_file.h makes tensors of what passes; fuzz/cifar_fuzz.cc reaches
// these checks directly): fixed-size records of label byte(s) then 3072
// pixel bytes. CIFAR-10 records have one label byte; CIFAR-100 records a
// coarse (20 classes) then a fine (100 classes) label byte.
#ifndef PRPNAS_DATA_CIFAR_FORMAT_H_
#define PRPNAS_DATA_CIFAR_FORMAT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace prpnas::data {

enum class Cifar { k10, k100 };

int cifar_classes(Cifar kind);  // 10 or 100
int64_t cifar_label_bytes(Cifar kind);  // 1 or 2; the fine label is the last
inline constexpr int64_t kCifarPixels = 3 * 32 * 32;

// The number of records; throws DataError "PATH: ...; FIX" unless the size is
// a whole number (>= 1) of records and every label is in range.
int64_t check_cifar_records(const std::vector<uint8_t>& bytes, Cifar kind, const std::string& path,
                            const std::string& fix);

}  // namespace prpnas::data

#endif  // PRPNAS_DATA_CIFAR_FORMAT_H_
