// Whole files as bytes, read through zlib so that gzipped and plain files
// both work. Shared by the dataset and CSV readers.
#ifndef PRPNAS_UTIL_FILE_BYTES_H_
#define PRPNAS_UTIL_FILE_BYTES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace prpnas {

// What readers tell the user to do when no better fix is known.
inline const std::string kRedownload = "restore or re-download the file";

// No file prpnas reads decompresses to more (CIFAR-100's train.bin, the
// largest, is 147 MiB), so a decompression bomb stops here.
inline constexpr std::size_t kMaxFileBytes = std::size_t{512} << 20;

// The file's (decompressed) bytes. Throws DataError "PATH: what; FIX" when the
// file is missing or not a file (util/input_file.h), unreadable, its gzip
// stream is corrupt or truncated, or it holds more than `max_bytes`.
std::vector<uint8_t> read_file_bytes(const std::string& path, const std::string& fix,
                                     std::size_t max_bytes = kMaxFileBytes);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_FILE_BYTES_H_
