#include "prpnas/util/atomic_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "prpnas/util/error.h"

namespace prpnas {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::stringstream s;
  s << std::ifstream(p).rdbuf();
  return s.str();
}

TEST(AtomicFile, ReplacesContentAndLeavesNoTemporary) {
  const fs::path dir = fs::temp_directory_path() / "prpnas_atomic_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "out.csv").string();
  write_file_atomically(path, "old\n");
  write_file_atomically(path, "new\n");
  EXPECT_EQ(slurp(path), "new\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
  fs::remove_all(dir);
}

// Issue 17, item 4: the temporary file was PATH.tmp.<pid>, opened without
// O_EXCL, so a symlink planted there made the write land on its target.
TEST(AtomicFile, APlantedSymlinkAtTheOldTemporaryNameIsNotFollowed) {
  const fs::path dir = fs::temp_directory_path() / "prpnas_atomic_symlink_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path victim = dir / "victim.txt", target = dir / "out.csv";
  std::ofstream(victim) << "precious\n";
  fs::create_symlink(victim, target.string() + ".tmp." + std::to_string(::getpid()));
  write_file_atomically(target.string(), "result\n");
  EXPECT_EQ(slurp(victim), "precious\n");
  EXPECT_EQ(slurp(target), "result\n");
  EXPECT_EQ(fs::status(target).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
  fs::remove_all(dir);
}

TEST(AtomicFile, MissingDirectoryIsAnErrorNamingThePath) {
  try {
    write_file_atomically("/nonexistent-dir/x.csv", "x");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/x.csv"), std::string::npos);
  }
}

}  // namespace
}  // namespace prpnas
