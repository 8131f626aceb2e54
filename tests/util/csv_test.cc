#include "prpnas/util/csv.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "prpnas/util/error.h"

namespace prpnas {
namespace {

TEST(Csv, ParsesQuotesCommasNewlinesAndCrlf) {
  const CsvTable t = parse_csv("a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",3\r\nlast,4", "mem");
  ASSERT_EQ(t.header, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0][0], "x,1");
  EXPECT_EQ(t.rows[0][1], "say \"hi\"");
  EXPECT_EQ(t.rows[1][0], "two\nlines");
  EXPECT_EQ(t.rows[2][1], "4");
  EXPECT_EQ(t.lines, (std::vector<std::size_t>{2, 3, 5}));  // the quoted newline spans line 3-4
}

TEST(Csv, AUtf8ByteOrderMarkIsNotPartOfTheFirstColumnsName) {
  const CsvTable t = parse_csv("\xEF\xBB\xBF" "accuracy,latency\n90,3\n", "bom.csv");
  EXPECT_EQ(t.header, (std::vector<std::string>{"accuracy", "latency"}));
  EXPECT_EQ(t.numbers("accuracy"), std::vector<double>{90});
}

TEST(Csv, WriteThenParseRoundTrips) {
  CsvTable t;
  t.header = {"arch", "value"};
  t.rows = {{"|nor_conv_3x3~0|+|none~0|skip_connect~1|", "1.5"}, {"a,\"b\"\nc", ""}};
  std::ostringstream out;
  write_csv(out, t);
  const CsvTable back = parse_csv(out.str(), "mem");
  EXPECT_EQ(back.header, t.header);
  EXPECT_EQ(back.rows, t.rows);
  EXPECT_EQ(csv_field("|a~0|"), "|a~0|");  // no needless quoting of architectures
  // A field that starts with a byte-order mark keeps it through a round trip (found by fuzzing).
  const CsvTable bom{"b", {"\xEF\xBB\xBFx", "y"}, {{"1", "2"}}, {2}};
  std::ostringstream written;
  write_csv(written, bom);
  EXPECT_EQ(parse_csv(written.str(), "b").header, bom.header);
}

TEST(Csv, NumbersNameLineAndColumn) {
  const CsvTable t = parse_csv("x,y\n1,2.5e3\n-3,inf\n", "f.csv");
  EXPECT_EQ(t.numbers("x"), (std::vector<double>{1, -3}));
  try {
    t.numbers("y");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_STREQ(e.what(), "f.csv: line 3, column 'y': 'inf' is not a finite decimal number");
  }
  EXPECT_THROW(t.numbers("z"), DataError);
  EXPECT_THROW(parse_csv("x,y\n1,\n", "f").numbers("y"), DataError);  // empty cell
  EXPECT_THROW(parse_csv("x,y\n1,2x\n", "f").numbers("y"), DataError);
}

TEST(Csv, RejectsMalformedTables) {
  EXPECT_THROW(parse_csv("", "f"), DataError);
  EXPECT_THROW(parse_csv("a,a\n1,2\n", "f"), DataError);
  EXPECT_THROW(parse_csv("a,b\n1,2,3\n", "f"), DataError);
  EXPECT_THROW(parse_csv("a,b\n\"1,2\n", "f"), DataError);
  EXPECT_EQ(parse_csv("a,b\n1,2\n\n", "f").rows.size(), 1u);  // trailing blank line is fine
}

TEST(Csv, ReadsGzipAndPlainFilesAndReportsMissingOrTruncated) {
  const auto dir = std::filesystem::temp_directory_path() / "prpnas_csv_test";
  std::filesystem::create_directories(dir);
  const std::string plain = (dir / "t.csv").string(), packed = (dir / "t.csv.gz").string();
  std::ofstream(plain) << "a,b\n1,2\n";
  gzFile gz = gzopen(packed.c_str(), "wb");
  const std::string text = "a,b\n3,4\n";
  gzwrite(gz, text.data(), text.size());
  gzclose(gz);
  EXPECT_EQ(read_csv(plain).rows[0][1], "2");
  EXPECT_EQ(read_csv(packed).rows[0][1], "4");

  std::filesystem::resize_file(packed, std::filesystem::file_size(packed) - 6);
  EXPECT_THROW(read_csv(packed), DataError);
  EXPECT_THROW(read_csv((dir / "missing.csv").string()), DataError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace prpnas
