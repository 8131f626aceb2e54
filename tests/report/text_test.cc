#include "prpnas/report/text.h"

#include <gtest/gtest.h>

#include <cmath>

namespace prpnas::report {
namespace {

TEST(ReportText, EscapesTheFiveXmlSpecials) {
  EXPECT_EQ(xml_escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
  EXPECT_EQ(xml_escape("&amp;"), "&amp;amp;");  // escaped text is escaped again, not trusted
  EXPECT_EQ(xml_escape("plain ü|~"), "plain ü|~");
}

TEST(ReportText, TellsNumbersFromText) {
  for (const char* yes :
       {"12", "-0.5", "+.5", "3.", "1e-3", "2.5E+10", "97.3%", " 42 ", "nan", "-inf", "Inf"}) {
    EXPECT_TRUE(looks_numeric(yes)) << yes;
  }
  for (const char* no : {"", " ", "-", ".", "1.2.3", "12 ms", "0x10", "1e", "e5", "infinity", "%",
                         "|nor_conv_3x3~0|", "1,000"}) {
    EXPECT_FALSE(looks_numeric(no)) << no;
  }
}

}  // namespace
}  // namespace prpnas::report

namespace prpnas::report {
namespace {

TEST(WithInterval, ShowsTheValueAndItsIntervalOrWhatThereIs) {
  EXPECT_EQ(with_interval(0.15742, 0.0221, 0.334), "0.157 [0.02, 0.33]");
  EXPECT_EQ(with_interval(0.5, std::nan(""), 0.7), "0.500");
  EXPECT_EQ(with_interval(std::nan(""), 0.1, 0.2), "-");
}

}  // namespace
}  // namespace prpnas::report
