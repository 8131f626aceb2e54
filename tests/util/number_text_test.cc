#include "prpnas/util/number_text.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <string>

namespace prpnas {
namespace {

TEST(NumberText, DecimalNotationWithSpacesAroundIsANumber) {
  EXPECT_EQ(parse_decimal("12"), 12.0);
  EXPECT_EQ(parse_decimal("-0.5"), -0.5);
  EXPECT_EQ(parse_decimal("+.5"), 0.5);
  EXPECT_EQ(parse_decimal("5."), 5.0);
  EXPECT_EQ(parse_decimal("1e-3"), 1e-3);
  EXPECT_EQ(parse_decimal("2E+2"), 200.0);
  EXPECT_EQ(parse_decimal("  7"), 7.0);  // leading and trailing spaces alike
  EXPECT_EQ(parse_decimal("7 \t"), 7.0);
  EXPECT_EQ(parse_decimal("1e-400"), 0.0);  // underflow reads as zero
}

TEST(NumberText, OtherNotationsAreNotNumbers) {
  for (const char* text : {"", " ", "0x1p3", "0x10", "inf", "-inf", "nan", "infinity", "1e999", "-1e999", "1,000",
                           "12 ms", "1.2.3", ".", "e3", "1e", "1e+", "--1", "+-1", "1 2", "\v1", "1\n", "97%"}) {
    EXPECT_FALSE(parse_decimal(text)) << text;
  }
}

TEST(NumberText, WholeNumbersHaveNoFractionAndFitInt64) {
  EXPECT_EQ(parse_whole(" -12 "), -12);
  EXPECT_EQ(parse_whole("+7"), 7);
  EXPECT_EQ(parse_whole("010"), 10);  // decimal, not octal
  EXPECT_EQ(parse_whole("9223372036854775807"), INT64_MAX);
  for (const char* text : {"9223372036854775808", "1.0", "1e3", "0x10", "", "-", "3 4"}) {
    EXPECT_FALSE(parse_whole(text)) << text;
  }
}

// Random strings over the grammar's alphabet: whatever the rule accepts,
// strtod reads whole and to the same value, and nothing strtod would read as
// hex, infinity or nan gets through.
TEST(NumberText, AgreesWithStrtodOnEverythingItAccepts) {
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789.eE+- \txXpPinfa";
  int accepted = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string text(rng() % 8, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    const std::optional<double> value = parse_decimal(text);
    if (!value) continue;
    ++accepted;
    const std::size_t begin = text.find_first_not_of(" \t"), last = text.find_last_not_of(" \t");
    const std::string body = text.substr(begin, last - begin + 1);
    char* end = nullptr;
    const double reference = std::strtod(body.c_str(), &end);
    ASSERT_EQ(end, body.c_str() + body.size()) << text;
    ASSERT_EQ(*value, reference) << text;
    ASSERT_EQ(body.find_first_of("xXpPinfa"), std::string::npos) << text;
    if (const std::optional<int64_t> whole = parse_whole(text)) {
      ASSERT_EQ(static_cast<double>(*whole), reference);
    }
  }
  EXPECT_GT(accepted, 1000);
}

}  // namespace
}  // namespace prpnas
