// FNV-1a, 64 bits: a fast, well-spread hash of bytes, for equality checks
// across ranks and for seeded draws, not for integrity (util/crc32.h).
#ifndef PRPNAS_UTIL_FNV1A_H_
#define PRPNAS_UTIL_FNV1A_H_

#include <cstddef>
#include <cstdint>

namespace prpnas {

inline constexpr std::uint64_t kFnv1aOffsetBasis = 14695981039346656037ull;

// The hash of `size` bytes, continuing from `hash` (so that several buffers
// hash as their concatenation).
inline std::uint64_t fnv1a(const void* data, std::size_t size, std::uint64_t hash = kFnv1aOffsetBasis) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) hash = (hash ^ bytes[i]) * 1099511628211ull;
  return hash;
}

}  // namespace prpnas

#endif  // PRPNAS_UTIL_FNV1A_H_
