#include "prpnas/util/tensor_bundle.h"

#include <gtest/gtest.h>

#include <string>

#include "prpnas/util/error.h"

namespace prpnas {
namespace {

TensorBundle example() {
  TensorBundle b;
  b.meta = {{"state", {{"step", 3}, {"note", "line\nbreak"}}}};
  b.arrays.push_back({"w", "float32", {2, 2}, std::string(16, '\x01')});
  b.arrays.push_back({"empty", "int64", {0, 5}, ""});
  b.arrays.push_back({"n", "int64", {}, std::string(8, '\x07')});
  return b;
}

std::string refusal(const std::string& bytes) {
  try {
    read_bundle(bytes, "ck");
  } catch (const DataError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(TensorBundle, RoundTripsMetaAndArrays) {
  const TensorBundle b = example();
  const TensorBundle back = read_bundle(write_bundle(b), "ck");
  EXPECT_EQ(back.meta, b.meta);
  ASSERT_EQ(back.arrays.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(back.arrays[i].name, b.arrays[i].name);
    EXPECT_EQ(back.arrays[i].dtype, b.arrays[i].dtype);
    EXPECT_EQ(back.arrays[i].shape, b.arrays[i].shape);
    EXPECT_EQ(back.arrays[i].bytes, b.arrays[i].bytes);
  }
  EXPECT_EQ(back.find("n")->bytes, std::string(8, '\x07'));
  EXPECT_EQ(back.find("missing"), nullptr);
}

TEST(TensorBundle, DamageIsRefusedInOneLineNamingTheFile) {
  const std::string good = write_bundle(example());
  auto edited = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    s.replace(s.find(from), from.size(), to);
    return s;
  };
  EXPECT_NE(refusal("PK\x03\x04 old libtorch zip").find("ck: not a prpnas checkpoint of this version"), std::string::npos);
  EXPECT_NE(refusal(good.substr(0, good.size() - 1)).find("'n' lies outside the file"), std::string::npos);
  EXPECT_NE(refusal(good + "x").find("1 bytes after the last array"), std::string::npos);
  EXPECT_NE(refusal(edited("[2,2]", "[2,3]")).find("'w''s shape does not match its size"), std::string::npos);
  EXPECT_NE(refusal(edited("[2,2]", "[9223372036854775807,9223372036854775807]")).find("shape does not match"),
            std::string::npos);
  EXPECT_NE(refusal(edited("[2,2]", "[-2,-2]")).find("shape does not match"), std::string::npos);
  EXPECT_NE(refusal(edited("\"float32\"", "\"complex64\"")).find("unknown dtype 'complex64'"), std::string::npos);
  EXPECT_NE(refusal(edited("\"name\":\"n\"", "\"name\":\"w\"")).find("'w' appears twice"), std::string::npos);
  EXPECT_NE(refusal(edited("\"offset\":16", "\"offset\":0")).find("outside the file or out of order"),
            std::string::npos);
  EXPECT_NE(refusal(edited("{\"arrays\"", "{\"arrayz\"")).find("lacks meta or arrays"), std::string::npos);
  EXPECT_NE(refusal("prpnas-bundle 1\n{no json\n").find("header is not JSON"), std::string::npos);
  EXPECT_NE(refusal("prpnas-bundle 1\n{}").find("never ends"), std::string::npos);
  for (const std::string& bytes : {good.substr(0, 20), edited("\"bytes\":16", "\"bytes\":\"16\"")}) {
    const std::string what = refusal(bytes);
    EXPECT_TRUE(what.starts_with("ck: ")) << what;
    EXPECT_EQ(what.find('\n'), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace prpnas
