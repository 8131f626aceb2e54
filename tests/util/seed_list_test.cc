#include "prpnas/util/seed_list.h"

#include <gtest/gtest.h>

#include "prpnas/util/error.h"

namespace prpnas {
namespace {

using Seeds = std::vector<std::uint64_t>;

TEST(SeedList, ReadsNumbersAndInclusiveRangesInOrder) {
  EXPECT_EQ(parse_seed_list("0-4", "--seeds"), (Seeds{0, 1, 2, 3, 4}));
  EXPECT_EQ(parse_seed_list("7", "--seeds"), (Seeds{7}));
  EXPECT_EQ(parse_seed_list("9, 2,4-5 ", "--seeds"), (Seeds{9, 2, 4, 5}));
  EXPECT_EQ(parse_seed_list("3-3", "--seeds"), (Seeds{3}));
}

TEST(SeedList, RefusesBadItemsNamingTheField) {
  for (const char* bad : {"", "1,,2", "a", "0x3", "-1", "1.5", "4-2", "1-2-3", "0-", "-", "1,1", "0-3,2"}) {
    try {
      parse_seed_list(bad, "--seeds");
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const ConfigError& e) {
      EXPECT_EQ(std::string(e.what()).rfind("--seeds: ", 0), 0u) << e.what();
    }
  }
}

TEST(SeedList, RefusesMoreThanTheLimit) {
  EXPECT_EQ(parse_seed_list("0-999", "--seeds").size(), kMaxSeeds);
  EXPECT_THROW(parse_seed_list("0-1000", "--seeds"), ConfigError);
  EXPECT_THROW(parse_seed_list("0-999,5000", "--seeds"), ConfigError);
  EXPECT_THROW(parse_seed_list("0-9223372036854775807", "--seeds"), ConfigError);
}

}  // namespace
}  // namespace prpnas
