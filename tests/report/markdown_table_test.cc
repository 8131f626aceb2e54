#include "prpnas/report/markdown_table.h"

#include <gtest/gtest.h>

#include <string>

#include "prpnas/util/error.h"

namespace prpnas::report {
namespace {

TEST(MarkdownTable, WritesAPipeTableRightAligningNumericColumns) {
  EXPECT_EQ(markdown_table({"method", "accuracy", "note"},
                           {{"PRP", "93.1", "best"}, {"FairNAS", "92.4%", "12"}, {"SPOS", "", ""}}),
            "| method | accuracy | note |\n"
            "| --- | ---: | --- |\n"
            "| PRP | 93.1 | best |\n"
            "| FairNAS | 92.4% | 12 |\n"
            "| SPOS |  |  |\n");
}

TEST(MarkdownTable, EscapesPipesAndFlattensLineBreaks) {
  const std::string table = markdown_table({"arch|itecture"}, {{"|nor_conv_3x3~0|+|none~0|"}, {"a\nb\r\nc"}});
  EXPECT_EQ(table,
            "| arch\\|itecture |\n"
            "| --- |\n"
            "| \\|nor_conv_3x3~0\\|+\\|none~0\\| |\n"
            "| a b c |\n");
}

TEST(MarkdownTable, AHeaderOnlyTableIsValid) {
  EXPECT_EQ(markdown_table({"a", "b"}, {}), "| a | b |\n| --- | --- |\n");
}

TEST(MarkdownTable, BadShapesAreConfigErrors) {
  EXPECT_THROW(markdown_table({}, {}), ConfigError);
  try {
    markdown_table({"a", "b"}, {{"1", "2"}, {"3"}});
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("row 2 has 1 cells but the header has 2"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace prpnas::report
