// CIFAR-10/100 binary batches: records, fine labels, sizes, finding the files.
#include "prpnas/data/cifar_file.h"

#include <gtest/gtest.h>

#include "data_files.h"
#include "prpnas/util/error.h"

namespace prpnas::data {
namespace {

using namespace prpnas::test_data;

Bytes records(const std::vector<Bytes>& labels, uint32_t seed = 0) {
  Bytes bytes;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const Bytes r = cifar_record(labels[i], seed + static_cast<uint32_t>(i));
    bytes.insert(bytes.end(), r.begin(), r.end());
  }
  return bytes;
}

TEST(CifarFile, ReadsCifar10Records) {
  TempDir dir;
  const std::string path = write_file(dir / "data_batch_1.bin", records({{1}, {0}, {9}}));
  const ImageSet set = read_cifar_file(path, Cifar::k10);
  ASSERT_EQ(set.images.sizes(), (std::vector<int64_t>{3, 3, 32, 32}));
  EXPECT_TRUE(set.labels.equal(torch::tensor({1, 0, 9}, torch::kLong)));
  EXPECT_TRUE(set.index.equal(torch::arange(3, torch::kLong)));
  // Record 2, green plane, row 2, column 5: pixel byte 1024 + 2*32 + 5.
  EXPECT_EQ(set.images[2][1][2][5].item<int>(), (2 + 1024 + 69) % 251);
  EXPECT_EQ(set.images[0][0][0][0].item<int>(), 0);
  EXPECT_EQ(set.images[1][2][31][31].item<int>(), (1 + 3071) % 251);
}

TEST(CifarFile, ReadsCifar100FineLabels) {
  TempDir dir;
  const std::string path = write_file(dir / "train.bin", records({{19, 99}, {0, 42}}, 5));
  const ImageSet set = read_cifar_file(path, Cifar::k100);
  EXPECT_TRUE(set.labels.equal(torch::tensor({99, 42}, torch::kLong)));
  EXPECT_EQ(set.images[1][0][0][1].item<int>(), 7);  // seed 6, pixel 1
}

TEST(CifarFile, SizeMustBeWholeRecords) {
  TempDir dir;
  Bytes bytes = records({{1}, {2}});
  bytes.pop_back();
  const std::string path = write_file(dir / "data_batch_1.bin", bytes);
  expect_data_error([&] { read_cifar_file(path, Cifar::k10); },
                    {path + ": 6145 bytes is not a whole number of 3073-byte CIFAR-10 records"});
  // CIFAR-10 files read as CIFAR-100 have the wrong record size.
  const std::string ten = write_file(dir / "ten.bin", records({{1}, {2}}));
  expect_data_error([&] { read_cifar_file(ten, Cifar::k100); },
                    {ten + ": 6146 bytes", "3074-byte CIFAR-100"});
  const std::string empty = write_file(dir / "empty.bin", {});
  expect_data_error([&] { read_cifar_file(empty, Cifar::k10); }, {empty + ": 0 bytes"});
}

TEST(CifarFile, LabelsOutOfRange) {
  TempDir dir;
  const std::string ten = write_file(dir / "ten.bin", records({{1}, {10}}));
  expect_data_error([&] { read_cifar_file(ten, Cifar::k10); },
                    {ten + ": record 1 has label 10, but CIFAR-10 has 10 classes"});
  const std::string fine = write_file(dir / "fine.bin", records({{3, 100}}));
  expect_data_error([&] { read_cifar_file(fine, Cifar::k100); }, {fine + ": record 0 has label 100"});
  const std::string coarse = write_file(dir / "coarse.bin", records({{20, 5}}));
  expect_data_error([&] { read_cifar_file(coarse, Cifar::k100); },
                    {coarse + ": record 0 has coarse label 20"});
}

TEST(CifarFile, FindsFilesInDirOrArchiveFolder) {
  TempDir dir;
  const Bytes one = records({{1}});
  for (const char* name : {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                           "data_batch_5.bin", "test_batch.bin"}) {
    write_file(dir / name, one);
  }
  CifarFiles files = find_cifar_files(dir.path().string(), Cifar::k10, "fix");
  ASSERT_EQ(files.train.size(), 5u);
  EXPECT_EQ(files.train[4], dir / "data_batch_5.bin");
  EXPECT_EQ(files.test, dir / "test_batch.bin");

  fs::create_directories(dir.path() / "cifar-100-binary");
  write_file(dir / "cifar-100-binary/train.bin", records({{1, 1}}));
  write_file(dir / "cifar-100-binary/test.bin", records({{1, 1}}));
  files = find_cifar_files(dir.path().string(), Cifar::k100, "fix");
  EXPECT_EQ(files.train, std::vector<std::string>{dir / "cifar-100-binary/train.bin"});
  EXPECT_EQ(files.test, dir / "cifar-100-binary/test.bin");
}

TEST(CifarFile, MissingFileIsNamed) {
  TempDir dir;
  for (const char* name :
       {"data_batch_1.bin", "data_batch_2.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"}) {
    write_file(dir / name, records({{1}}));
  }
  expect_data_error([&] { find_cifar_files(dir.path().string(), Cifar::k10, "download it"); },
                    {dir / "data_batch_3.bin" + ": no such file", "cifar-10-batches-bin", "; download it"});
  expect_data_error([&] { find_cifar_files(dir.path().string(), Cifar::k100, "download it"); },
                    {dir / "train.bin" + ": no such file"});
}

}  // namespace
}  // namespace prpnas::data
