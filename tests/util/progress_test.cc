#include "prpnas/util/progress.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace prpnas {
namespace {

// What was written to the temporary file `out`, which this closes.
std::string read_and_close(std::FILE* out) {
  std::rewind(out);
  char buffer[512] = {};
  const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, out);
  std::fclose(out);
  return std::string(buffer, n);
}

TEST(Progress, FormatsDurations) {
  EXPECT_EQ(format_duration(0), "0s");
  EXPECT_EQ(format_duration(42.4), "42s");
  EXPECT_EQ(format_duration(185), "3m05s");
  EXPECT_EQ(format_duration(3725), "1h02m");
}

TEST(Progress, WritesPlainLinesWhenNotATerminal) {
  std::FILE* out = std::tmpfile();
  Progress progress("train", 100, "img", out, /*log_every_seconds=*/0);
  progress.update(50, "loss 1.0");
  progress.finish("done");
  const std::string text = read_and_close(out);
  EXPECT_NE(text.find("train: 50/100 img"), std::string::npos) << text;
  EXPECT_NE(text.find("loss 1.0\n"), std::string::npos) << text;
  EXPECT_NE(text.find("train: 50/100 img ("), text.rfind("train: 50/100 img (")) << "two lines";
  EXPECT_EQ(text.find('\r'), std::string::npos);  // no in-place rewriting in logs
}

// A resumed run's earlier steps are not work of this process: counting them
// would show a rate of thousands per second and an ETA of seconds.
TEST(Progress, ResumedWorkDoesNotCountTowardsTheRate) {
  std::FILE* out = std::tmpfile();
  Progress progress("train", 100, "step", out, /*log_every_seconds=*/0, /*already_done=*/60);
  progress.update(60);
  const std::string text = read_and_close(out);
  EXPECT_NE(text.find("train: 60/100 step (0.0 step/s)"), std::string::npos) << text;
}

}  // namespace
}  // namespace prpnas
