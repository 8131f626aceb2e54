// What stands at a path a reader is about to open. A directory, FIFO or
// device such as /dev/zero must not read as "no such file", block forever,
// or never end.
#ifndef PRPNAS_UTIL_INPUT_FILE_H_
#define PRPNAS_UTIL_INPUT_FILE_H_

#include <string>

namespace prpnas {

// Throws DataError "PATH: no such file; FIX", or "PATH: is a directory, not
// a file; FIX" (likewise a FIFO, a device, a socket) unless `path` is a
// regular file or a symbolic link to one.
void check_input_file(const std::string& path, const std::string& fix);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_INPUT_FILE_H_
