// Runs `prpnas data check` on the real Fashion-MNIST and on bad folders.
#include "cli_fixture.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

using Result = prpnas::testing::CliResult;

class DataCli : public prpnas::testing::CliFixture {
};

TEST_F(DataCli, CheckRealFashionMnistCountsEveryImage) {
  const Result r = run("data check --dataset fashion-mnist --valid-size 5000 --seed 3");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("dataset: fashion-mnist"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("images: 1x28x28"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("classes: 10"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("mean: 0.28"), std::string::npos) << r.out;
  // Class rows: class, train, valid, test, total.
  std::istringstream lines(r.out);
  std::string line;
  int rows = 0;
  long long train = 0, valid = 0, test = 0, total = 0;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    int cls;
    long long a, b, c, t;
    if (!(fields >> cls >> a >> b >> c >> t)) continue;
    EXPECT_EQ(cls, rows) << line;
    EXPECT_EQ(a + b, 6000) << line;  // each class has 6000 training-file images
    EXPECT_EQ(c, 1000) << line;
    EXPECT_EQ(a + b + c, t) << line;
    ++rows;
    train += a, valid += b, test += c, total += t;
  }
  EXPECT_EQ(rows, 10) << r.out;
  EXPECT_EQ(train, 55000);
  EXPECT_EQ(valid, 5000);
  EXPECT_EQ(test, 10000);
  EXPECT_EQ(total, 60000 + 10000);
}

TEST_F(DataCli, SyntheticAndHelp) {
  const Result r = run("data check --dataset synthetic --valid-size 1000 --train-limit 500");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("source: generated"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("total      500     1000     2000     3500"), std::string::npos) << r.out;
  EXPECT_EQ(run("data --help").code, 0);
  EXPECT_EQ(run("data check --help").code, 0);
}

TEST_F(DataCli, BadDatasetsExitTwoWithOneLine) {
  expect_error("data check --dataset fashion-mnist:/nonexistent",
               "/nonexistent: no such directory; put Fashion-MNIST's IDX files there");
  // Every file present but the training images are not IDX.
  for (const char* name : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                           "t10k-labels-idx1-ubyte"}) {
    std::ofstream(dir_ / name) << "this is not an IDX file";
  }
  expect_error("data check --dataset mnist:" + dir_.string(),
               (dir_ / "train-images-idx3-ubyte").string() + ": not an IDX image file");
  expect_error("data check --dataset imagenet", "unknown dataset 'imagenet' (known: fashion-mnist[:DIR]");
  expect_error("data check --dataset fashion-mnist --valid-size 60000",
               "valid_size 60000 leaves no training images");
  expect_error("data check --dataset synthetic --valid-size -5", "valid_size is -5");
  expect_error("data", "subcommand");
}

}  // namespace
