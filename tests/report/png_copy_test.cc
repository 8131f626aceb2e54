// PNG copies of SVG plots, rendered by rsvg-convert (installed by
// scripts/bootstrap).
#include "prpnas/report/png_copy.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "prpnas/report/svg_plot.h"

namespace prpnas::report {
namespace {

namespace fs = std::filesystem;

class PngCopy : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("prpnas_png_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                        "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(PngCopy, RendersAPlotAsAPngOfItsSize) {
  const std::string svg = (dir_ / "plot.svg").string();
  write_svg(svg, render_svg(Plot{"t", "x", "y", {{"a", {1, 2, 3}, {3, 1, 2}, Series::Style::kLine, ""}}, false},
                            {320, 200, true}));
  ASSERT_TRUE(write_png_copy(svg));
  const std::string png = slurp(dir_ / "plot.png");
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(png[at + 3]));
  };
  EXPECT_EQ(be32(16), 320u);
  EXPECT_EQ(be32(20), 200u);
  EXPECT_FALSE(fs::exists(dir_ / "plot.png.tmp"));
}

TEST_F(PngCopy, LeavesNothingForAnUnreadableSvg) {
  const fs::path bad = dir_ / "bad.svg";
  std::ofstream(bad) << "<svg";
  EXPECT_FALSE(write_png_copy(bad.string()));
  EXPECT_FALSE(write_png_copy((dir_ / "missing.svg").string()));
  EXPECT_FALSE(fs::exists(dir_ / "bad.png"));
  EXPECT_FALSE(fs::exists(dir_ / "bad.png.tmp"));
  EXPECT_FALSE(fs::exists(dir_ / "missing.png"));
}

}  // namespace
}  // namespace prpnas::report
