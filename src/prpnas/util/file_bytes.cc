#include "prpnas/util/file_bytes.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/core.h>

#include "prpnas/util/error.h"
#include "prpnas/util/input_file.h"

namespace prpnas {

std::vector<uint8_t> read_file_bytes(const std::string& path, const std::string& fix, std::size_t max_bytes) {
  check_input_file(path, fix);
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) throw DataError(path + ": cannot open: " + std::strerror(errno) + "; " + fix);
  // Reads grow to 4 MiB, which lets zlib inflate straight into our buffer;
  // they start small so that a small file costs little.
  constexpr std::size_t kMaxChunk = 1 << 22;
  std::size_t chunk = 1 << 16;
  // Address space for the largest file allowed, reserved once: pages cost
  // memory only when written, and no growth ever copies (a bomb would
  // otherwise hold the old and the new buffer at once).
  std::vector<uint8_t> bytes;
  bytes.reserve(max_bytes + kMaxChunk);
  int n;
  do {
    const std::size_t old = bytes.size();
    if (old > max_bytes) {
      const bool compressed = gzdirect(file) == 0;
      gzclose(file);
      throw DataError(fmt::format("{}: holds more than {} MiB{}, more than any file prpnas reads; {}", path,
                                  max_bytes >> 20, compressed ? " once decompressed" : "", fix));
    }
    bytes.resize(old + chunk);
    n = gzread(file, bytes.data() + old, static_cast<unsigned>(chunk));
    bytes.resize(old + (n > 0 ? n : 0));
    chunk = std::min(2 * chunk, kMaxChunk);
  } while (n > 0);
  // A truncated stream reads "successfully" but leaves Z_BUF_ERROR behind.
  int code = Z_OK;
  std::string why = gzerror(file, &code);
  if (why.starts_with(path + ": ")) why.erase(0, path.size() + 2);  // zlib names the file too
  gzclose(file);
  if (n < 0 || code != Z_OK) {
    throw DataError(path + ": corrupt or truncated gzip data (" + why + "); " + fix);
  }
  return bytes;
}

}  // namespace prpnas
