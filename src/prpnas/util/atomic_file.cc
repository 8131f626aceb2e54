#include "prpnas/util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

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

namespace {

void remove_temporaries(const std::filesystem::path& directory, const std::string& prefix) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && name.find(kTemporarySuffix) != std::string::npos && entry.is_regular_file(ec)) {
      std::filesystem::remove(entry.path(), ec);
    }
  }
}

}  // namespace

void remove_stale_temporaries_in(const std::string& directory) { remove_temporaries(directory, ""); }

void remove_stale_temporaries_of(const std::string& path) {
  const std::filesystem::path p(path);
  remove_temporaries(p.has_parent_path() ? p.parent_path() : ".", p.filename().string() + ".");
}

}  // namespace prpnas
