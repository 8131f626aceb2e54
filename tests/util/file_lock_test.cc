#include "prpnas/util/file_lock.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

#include "prpnas/util/error.h"

namespace prpnas {
namespace {

namespace fs = std::filesystem;

// flock conflicts between open file descriptions, so a second lock in the
// same process stands in for a second process.
TEST(FileLock, ASecondHolderIsRefusedWithTheFirstOnesPidUntilItEnds) {
  const fs::path dir = fs::temp_directory_path() / ("prpnas_lock_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "out.csv.lock").string();
  std::optional<FileLock> first;
  first.emplace(path, "out.csv");
  try {
    FileLock second(path, "out.csv");
    FAIL() << "the second lock was granted";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("out.csv is in use by process " + std::to_string(::getpid())),
              std::string::npos)
        << e.what();
  }
  first.reset();
  EXPECT_NO_THROW(FileLock(path, "out.csv"));
  fs::remove_all(dir);
}

TEST(FileLock, AMissingFolderFailsAtOnceNamingTheLockFile) {
  try {
    FileLock lock("/nonexistent-dir/out.csv.lock", "/nonexistent-dir/out.csv");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/out.csv.lock"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace prpnas
