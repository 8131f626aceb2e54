// CRC-32 (zlib's) of bytes, as 8 lowercase hex digits: what prpnas writes
// beside a file so that a flipped bit or a cut is caught when it is read
// (checkpoints, export bundles).
#ifndef PRPNAS_UTIL_CRC32_H_
#define PRPNAS_UTIL_CRC32_H_

#include <string>
#include <string_view>

namespace prpnas {

std::string crc32_hex(std::string_view bytes);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_CRC32_H_
