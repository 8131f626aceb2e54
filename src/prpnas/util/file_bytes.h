// Whole files as bytes, read through zlib so that gzipped and plain files
// both work. Shared by the dataset and CSV readers.
#ifndef PRPNAS_UTIL_FILE_BYTES_H_
#define PRPNAS_UTIL_FILE_BYTES_H_

#include <cstdint>
#include <string>
#include <vector>

namespace prpnas {

// What readers tell the user to do when no better fix is known.
inline const std::string kRedownload = "restore or re-download the file";

// The file's (decompressed) bytes. Throws DataError "PATH: what; FIX" when the
// file is missing, unreadable, or its gzip stream is corrupt or truncated.
std::vector<uint8_t> read_file_bytes(const std::string& path, const std::string& fix);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_FILE_BYTES_H_
