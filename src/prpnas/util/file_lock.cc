#include "prpnas/util/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "prpnas/util/error.h"

namespace prpnas {

namespace {

// The PID the holder wrote, or "" (it may not have written it yet).
std::string holder_of(int fd) {
  char text[32] = {};
  const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
  std::string pid(text, n > 0 ? static_cast<std::size_t>(n) : 0);
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid;
}

}  // namespace

FileLock::FileLock(const std::string& lock_path, const std::string& what) {
  fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd_ < 0) {
    throw Error(lock_path + ": cannot create the lock file of " + what + " (" + std::strerror(errno) +
                "); check that its folder exists and is writable");
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const std::string pid = holder_of(fd_);
    ::close(fd_);
    fd_ = -1;
    throw ConfigError(what + " is in use by " + (pid.empty() ? "another process" : "process " + pid) + " (lock " +
                      lock_path + "); wait for it to end, or choose another --out");
  }
  // Only a second process's message needs the PID; the lock holds without it.
  const std::string pid = std::to_string(::getpid()) + "\n";
  const bool recorded = ::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size());
  static_cast<void>(recorded);
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace prpnas
