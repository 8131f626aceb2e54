#include "prpnas/util/crc32.h"

#include <zlib.h>

#include <fmt/core.h>

namespace prpnas {

std::string crc32_hex(std::string_view bytes) {
  const uLong crc =
      ::crc32(::crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size()));
  return fmt::format("{:08x}", static_cast<uint32_t>(crc));
}

}  // namespace prpnas
