#include "prpnas/util/file_bytes.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "prpnas/util/error.h"

namespace prpnas {

std::vector<uint8_t> read_file_bytes(const std::string& path, const std::string& fix) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw DataError(path + ": no such file; " + fix);
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) throw DataError(path + ": cannot open: " + std::strerror(errno) + "; " + fix);
  // Large reads let zlib inflate straight into our buffer.
  constexpr std::size_t kChunk = 1 << 22;
  std::vector<uint8_t> bytes;
  int n;
  do {
    const std::size_t old = bytes.size();
    bytes.resize(old + kChunk);
    n = gzread(file, bytes.data() + old, kChunk);
    bytes.resize(old + (n > 0 ? n : 0));
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
