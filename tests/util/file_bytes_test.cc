#include "prpnas/util/file_bytes.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <string>

#include "prpnas/util/error.h"

namespace prpnas {
namespace {

// A decompression bomb in miniature: 3 MiB of zeros packed into a few KiB,
// read with a 1 MiB limit, stops at the limit with one clear line.
TEST(FileBytes, ADecompressionBombStopsAtTheLimit) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("prpnas_bomb_" + std::to_string(getpid()) + ".gz")).string();
  gzFile gz = gzopen(path.c_str(), "wb9");
  const std::string zeros(std::size_t{3} << 20, '\0');
  ASSERT_EQ(gzwrite(gz, zeros.data(), zeros.size()), static_cast<int>(zeros.size()));
  gzclose(gz);
  EXPECT_LT(std::filesystem::file_size(path), 10'000u);
  try {
    read_file_bytes(path, "check it", std::size_t{1} << 20);
    ADD_FAILURE() << "read past the limit";
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()), path + ": holds more than 1 MiB once decompressed, more than any file prpnas "
                                            "reads; check it");
  }
  EXPECT_EQ(read_file_bytes(path, "check it", std::size_t{4} << 20).size(), zeros.size());  // under a higher one
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace prpnas
