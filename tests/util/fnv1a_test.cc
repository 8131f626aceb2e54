// FNV-1a 64 against the published test vectors (Fowler, Noll, Vo).
#include <gtest/gtest.h>

#include <string_view>

#include "prpnas/util/fnv1a.h"

namespace prpnas {
namespace {

std::uint64_t hash(std::string_view s) { return fnv1a(s.data(), s.size()); }

TEST(Fnv1a, MatchesThePublishedVectors) {
  EXPECT_EQ(hash(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(hash("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(hash("foobar"), 0x85944171f73967e8ull);
}

TEST(Fnv1a, ContinuingAHashIsHashingTheConcatenation) {
  EXPECT_EQ(fnv1a("bar", 3, hash("foo")), hash("foobar"));
}

}  // namespace
}  // namespace prpnas
