// IDX reading: good files (plain and gzipped) and every kind of bad one.
#include "prpnas/data/idx_file.h"

#include <gtest/gtest.h>

#include "data_files.h"
#include "prpnas/util/error.h"

namespace prpnas::data {
namespace {

using namespace prpnas::test_data;

// Three 2x4 images with pixel values 0..23.
Bytes pixels24() {
  Bytes p(24);
  for (int i = 0; i < 24; ++i) p[i] = static_cast<uint8_t>(i * 10);
  return p;
}

TEST(IdxFile, ReadsPlainAndGzippedImages) {
  TempDir dir;
  const Bytes bytes = idx_images(3, 2, 4, pixels24());
  for (const std::string& path : {write_file(dir / "images", bytes), write_gzip(dir / "images.gz", bytes)}) {
    const torch::Tensor images = read_idx_images(path);
    ASSERT_EQ(images.sizes(), (std::vector<int64_t>{3, 1, 2, 4})) << path;
    EXPECT_EQ(images.scalar_type(), torch::kUInt8);
    EXPECT_EQ(images[0][0][0][0].item<int>(), 0);
    EXPECT_EQ(images[0][0][1][2].item<int>(), 60);   // pixel 6
    EXPECT_EQ(images[2][0][1][3].item<int>(), 230);  // pixel 23, the last
  }
}

TEST(IdxFile, ReadsLabelsAndPairs) {
  TempDir dir;
  const std::string labels = write_gzip(dir / "labels.gz", idx_labels({0, 9, 3}));
  const torch::Tensor l = read_idx_labels(labels, 10);
  EXPECT_EQ(l.scalar_type(), torch::kLong);
  EXPECT_TRUE(l.equal(torch::tensor({0, 9, 3}, torch::kLong)));
  const ImageSet set = read_idx_set(write_file(dir / "images", idx_images(3, 2, 4, pixels24())), labels, 10);
  EXPECT_EQ(set.size(), 3);
  EXPECT_TRUE(set.index.equal(torch::arange(3, torch::kLong)));
}

TEST(IdxFile, BadMagicNamesFileAndBothMagics) {
  TempDir dir;
  const std::string labels = write_file(dir / "labels", idx_labels({1, 2, 3, 4, 5, 6, 7, 8}));
  expect_data_error([&] { read_idx_images(labels); },
                    {labels + ": not an IDX image file", "0x00000801", "expected 0x00000803"});
  const std::string images = write_file(dir / "images", idx_images(3, 2, 4, pixels24()));
  expect_data_error([&] { read_idx_labels(images, 10); }, {images + ": not an IDX label file"});
}

TEST(IdxFile, TruncatedPayload) {
  TempDir dir;
  Bytes short_pixels = pixels24();
  short_pixels.resize(20);
  const std::string path = write_file(dir / "images", idx_images(3, 2, 4, short_pixels));
  expect_data_error([&] { read_idx_images(path, "re-install it"); },
                    {path + ": truncated: header says 3 images of 2x4 but only 20 bytes of pixels follow",
                     "; re-install it"});
  const std::string labels = write_file(dir / "labels", Bytes{0, 0, 8, 1, 0, 0, 0, 5, 1, 2});
  expect_data_error([&] { read_idx_labels(labels, 10); }, {labels + ": truncated: header says 5 labels"});
}

TEST(IdxFile, TrailingBytes) {
  TempDir dir;
  Bytes long_pixels = pixels24();
  long_pixels.resize(29, 7);
  const std::string path = write_gzip(dir / "images.gz", idx_images(3, 2, 4, long_pixels));
  expect_data_error([&] { read_idx_images(path); },
                    {path + ": 5 unexpected bytes after the 3 images of 2x4"});
}

TEST(IdxFile, ShortHeaderAndEmptyFile) {
  TempDir dir;
  const std::string empty = write_file(dir / "empty", {});
  expect_data_error([&] { read_idx_images(empty); }, {empty + ": 0 bytes, too short"});
  const std::string header = write_file(dir / "header", Bytes{0, 0, 8, 3, 0, 0, 0, 1});
  expect_data_error([&] { read_idx_images(header); },
                    {header + ": 8 bytes, too short for an IDX image file header"});
  const std::string zero = write_file(dir / "zero", idx_images(0, 28, 28, {}));
  expect_data_error([&] { read_idx_images(zero); }, {zero + ": header says 0 images"});
}

TEST(IdxFile, GarbageHeaderDoesNotOverflow) {
  TempDir dir;
  const std::string path =
      write_file(dir / "images", idx_images(0xffffffff, 0xffffffff, 0xffffffff, pixels24()));
  expect_data_error([&] { read_idx_images(path); }, {path + ": truncated"});
}

TEST(IdxFile, LabelOutOfRange) {
  TempDir dir;
  const std::string path = write_file(dir / "labels", idx_labels({0, 10, 3}));
  expect_data_error([&] { read_idx_labels(path, 10); },
                    {path + ": label 10 of item 1 is out of range (10 classes"});
  EXPECT_EQ(read_idx_labels(path, 11).size(0), 3);
}

TEST(IdxFile, TruncatedGzip) {
  TempDir dir;
  const std::string whole = write_gzip(dir / "whole.gz", idx_images(20, 28, 28, noise_bytes(20 * 28 * 28)));
  std::ifstream in(whole, std::ios::binary);
  Bytes gz((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const std::size_t keep : {gz.size() / 2, gz.size() - 4}) {
    const std::string cut = write_file(dir / "cut.gz", Bytes(gz.begin(), gz.begin() + keep));
    expect_data_error([&] { read_idx_images(cut); },
                      {cut + ": corrupt or truncated gzip data (unexpected end of file)"});
  }
}

TEST(IdxFile, MissingFileAndCountMismatch) {
  TempDir dir;
  const std::string missing = dir / "missing.gz";
  expect_data_error([&] { read_idx_images(missing, "install it"); },
                    {missing + ": no such file; install it"});
  const std::string images = write_file(dir / "images", idx_images(3, 2, 4, pixels24()));
  const std::string labels = write_file(dir / "labels", idx_labels({1, 2}));
  expect_data_error([&] { read_idx_set(images, labels, 10); },
                    {labels + ": 2 labels for the 3 images of " + images});
}

}  // namespace
}  // namespace prpnas::data
