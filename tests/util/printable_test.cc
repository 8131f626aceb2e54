#include "prpnas/util/printable.h"

#include <gtest/gtest.h>

#include <string>

namespace prpnas {
namespace {

bool has_control_byte(const std::string& text) {
  for (const unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

TEST(Printable, QuotesShortTextAsIs) {
  EXPECT_EQ(echoed("|nor_conv_3x3~0|"), "'|nor_conv_3x3~0|'");
  EXPECT_EQ(echoed(""), "''");
}

TEST(Printable, CutsLongTextAfter80Bytes) {
  const std::string huge(12'000'000, 'a');
  EXPECT_EQ(echoed(huge), "'" + std::string(kMaxEchoed, 'a') + "...'");
  // A cut never splits a UTF-8 character (here the 2-byte e-acute straddles byte 80).
  const std::string accents = std::string(79, 'a') + "\xC3\xA9" + "bbb";
  EXPECT_EQ(echoed(accents), "'" + std::string(79, 'a') + "...'");
}

TEST(Printable, EscapesControlBytes) {
  EXPECT_EQ(echoed(std::string("a\0b", 3)), "'a\\x00b'");
  EXPECT_EQ(echoed("\x1b[31mred\n"), "'\\x1b[31mred\\x0a'");
  EXPECT_EQ(echoed("caf\xC3\xA9"), "'caf\xC3\xA9'");  // UTF-8 text stays readable
}

TEST(Printable, MessagesBecomeOneBoundedLineKeepingBothEnds) {
  const std::string message = "what is wrong: " + std::string(5000, 'x') + "\n\x07" + " what to do";
  const std::string line = printable_line(message, 300);
  EXPECT_FALSE(has_control_byte(line));
  EXPECT_LE(line.size(), 340u);  // 300 and the marker
  EXPECT_TRUE(line.starts_with("what is wrong: xxx"));
  EXPECT_TRUE(line.ends_with("\\x0a\\x07 what to do"));
  EXPECT_NE(line.find("bytes cut"), std::string::npos);
  EXPECT_EQ(printable_line("short\tline"), "short\\x09line");
}

}  // namespace
}  // namespace prpnas
