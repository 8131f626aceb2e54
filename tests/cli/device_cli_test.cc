// --device and the config's `device`: cuda on a CPU-only libtorch is one
// line and exit 2, before anything is written.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <filesystem>

#include "cli_fixture.h"

namespace prpnas::testing {
namespace {

class DeviceCli : public CliFixture {};

TEST_F(DeviceCli, CudaWithoutCudaIsOneLineAndExit2) {
  if (torch::cuda::is_available()) GTEST_SKIP() << "this libtorch has CUDA";
  const std::string out = (dir_ / "run").string(), defaults = file("defaults.toml", "");
  for (const std::string& args : {"train --config " + defaults + " --device cuda --out " + out,
                                  "experiment --config " + defaults + " --device cuda:1 --out " + out}) {
    const CliResult r = run(args);
    EXPECT_EQ(r.code, 2) << args;
    EXPECT_NE(r.err.find("--device = \"cuda"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("this libtorch has no CUDA"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  const std::string config = file("gpu.toml", "device = \"cuda:0\"\n");
  const CliResult r = run("train --config " + config + " --out " + out);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("gpu.toml: device = \"cuda:0\""), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out)) << "refused after writing";
}

}  // namespace
}  // namespace prpnas::testing
