#include "prpnas/util/input_file.h"

#include <filesystem>

#include "prpnas/util/error.h"

namespace prpnas {

void check_input_file(const std::string& path, const std::string& fix) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);  // follows symbolic links
  std::string what;
  switch (status.type()) {
    case fs::file_type::regular: return;
    case fs::file_type::directory: what = "is a directory, not a file"; break;
    case fs::file_type::fifo: what = "is a FIFO (named pipe), not a file"; break;
    case fs::file_type::character:
    case fs::file_type::block: what = "is a device, not a file"; break;
    case fs::file_type::socket: what = "is a socket, not a file"; break;
    case fs::file_type::not_found: what = "no such file"; break;
    default: what = "cannot be examined (" + (ec ? ec.message() : std::string("unknown type")) + ")"; break;
  }
  throw DataError(path + ": " + what + "; " + fix);
}

}  // namespace prpnas
