// TOML configs, the other parser libFuzzer cannot reach (its option structs
// live in torch headers, see fuzz/CMakeLists.txt): the shipped configs,
// mutated in seeded ways, either read or are refused with a prpnas::Error in
// one line; what reads writes back (effective_config) to the same config.
#include "prpnas/run/train_config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "prpnas/util/error.h"

namespace prpnas::run {
namespace {

std::string slurp(const std::string& path) {
  std::stringstream s;
  s << std::ifstream(path).rdbuf();
  return s.str();
}

TEST(ConfigMutation, AMutatedConfigReadsOrIsRefusedInOneLine) {
  const std::string dir = std::string(PRPNAS_SOURCE_DIR) + "/configs/";
  std::vector<std::string> seeds;
  for (const char* name : {"default.toml", "quick.toml", "chain.toml", "paper.toml", "three_objectives.toml"}) {
    seeds.push_back(slurp(dir + name));
    ASSERT_FALSE(seeds.back().empty()) << name;
  }
  // Pieces a careless edit brings: other values, types and syntax.
  const std::vector<std::string> pieces = {"0", "-1", "4294967296", "1e999", "nan", "inf", "\"\"", "\"x\"", "[",
                                           "]", "=", "\n", "[alpha]", "true", "0x10", "1.5", "[[a]]", "#", "'",
                                           "\"\"\"", "{}", ".", "samples", "\xff", std::string(1, '\0')};
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("prpnas_config_mutation_" + std::to_string(getpid()) + ".toml")).string();
  std::mt19937_64 rng(23);
  int read = 0, refused = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string text = seeds[rng() % seeds.size()];
    for (int edits = 1 + rng() % 3; edits > 0; --edits) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text.insert(at, pieces[rng() % pieces.size()]); break;
        case 1: text.erase(at, 1 + rng() % 8); break;
        case 2: text[at] = static_cast<char>(rng()); break;
      }
    }
    std::ofstream(path, std::ios::trunc) << text;
    try {
      const TrainConfig config = read_train_config(path, "", "");
      ++read;
      const std::string effective = effective_config(config);
      std::ofstream(path, std::ios::trunc) << effective;
      EXPECT_EQ(effective_config(read_train_config(path, "", "")), effective) << "mutation " << i;
    } catch (const Error& e) {
      ++refused;
      const std::string what = e.what();
      EXPECT_EQ(what.find('\n'), std::string::npos) << "mutation " << i << ": " << what;
      EXPECT_LT(what.size(), 4096u) << "mutation " << i;
    }
  }
  std::filesystem::remove(path);
  EXPECT_GT(read, 100);  // the harness mutates, not only breaks
  EXPECT_GT(refused, 100);
}

}  // namespace
}  // namespace prpnas::run
