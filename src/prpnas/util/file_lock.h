// One writer per output between processes: an exclusive flock on a lock file
// beside the output (a run directory's `lock`, a results file's PATH.lock),
// held while the object lives. The lock file holds the holder's PID for the
// message a second process gets. The kernel drops the lock when its process
// ends, even by kill -9, so a crash never leaves a stale lock; the file
// itself stays, empty of meaning until the next holder writes its PID.
#ifndef PRPNAS_UTIL_FILE_LOCK_H_
#define PRPNAS_UTIL_FILE_LOCK_H_

#include <string>

namespace prpnas {

class FileLock {
 public:
  // Takes the lock on `lock_path` without waiting. Throws ConfigError
  // "<what> is in use by process <pid> ..." when another process holds it,
  // and Error naming `lock_path` when it cannot be created (a missing or
  // read-only folder), before any work is done.
  FileLock(const std::string& lock_path, const std::string& what);
  ~FileLock();
  FileLock(FileLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  FileLock& operator=(FileLock&&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace prpnas

#endif  // PRPNAS_UTIL_FILE_LOCK_H_
