// Every config the repository ships reads, and names files that exist (a
// config is committed before a long run uses it, so a typo must show here).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "prpnas/run/train_config.h"

namespace prpnas::run {
namespace {

TEST(ShippedConfigs, ReadAndNameFilesThatExist) {
  const std::filesystem::path root(PRPNAS_SOURCE_DIR);
  int checked = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root / "configs")) {
    if (entry.path().extension() != ".toml") continue;
    SCOPED_TRACE(entry.path().string());
    const TrainConfig config = read_train_config(entry.path().string(), "");
    for (const std::string& file : {config.truth, config.lut, config.rank_table}) {
      if (!file.empty()) {
        EXPECT_TRUE(std::filesystem::exists(root / file)) << file;
      }
    }
    ++checked;
  }
  EXPECT_GE(checked, 14);
}

}  // namespace
}  // namespace prpnas::run
