#include "prpnas/util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "prpnas/util/error.h"

namespace prpnas {

void write_file_atomically(const std::string& path, std::string_view contents) {
  // mkostemp: a random name, created with O_EXCL, so a file or symlink planted
  // at a guessable name can neither be overwritten nor redirect the write.
  std::string temp = path + kTemporarySuffix + "XXXXXX";
  auto fail = [&](const char* step) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    throw Error(path + ": cannot " + step + " (" + why + "); check the directory exists and is writable");
  };
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) fail("create a temporary file");
  // mkostemp makes it 0600; results are meant to be read by others too.
  if (::fchmod(fd, 0644) != 0) {
    ::close(fd);
    fail("set the temporary file's permissions");
  }
  std::size_t written = 0;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      fail("write");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    fail("flush");
  }
  if (::close(fd) != 0) fail("close");
  if (std::rename(temp.c_str(), path.c_str()) != 0) fail("rename the temporary file");
}

}  // namespace prpnas
