#include "prpnas/nn/device.h"

#include <gtest/gtest.h>

#include <string>

#include "prpnas/util/error.h"

namespace prpnas::nn {
namespace {

std::string refusal(const std::string& name) {
  try {
    parse_device(name, "cfg.toml: device");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(Device, CpuIsTheCpu) { EXPECT_EQ(parse_device("cpu", "device"), torch::Device(torch::kCPU)); }

TEST(Device, MalformedNamesAreRefusedNamingTheField) {
  for (const char* name : {"gpu", "CPU", "cuda:", "cuda:x", "cuda:-1", "cuda: 1", "cuda:+1", ""}) {
    const std::string why = refusal(name);
    EXPECT_NE(why.find("cfg.toml: device"), std::string::npos) << name << ": " << why;
    EXPECT_NE(why.find("use cpu, cuda or cuda:N"), std::string::npos) << name << ": " << why;
  }
}

// Debian's libtorch has no CUDA: there, cuda is one line saying how to get it.
TEST(Device, CudaNeedsACudaLibtorch) {
  if (torch::cuda::is_available()) {
    EXPECT_EQ(parse_device("cuda", "device").type(), torch::kCUDA);
    EXPECT_NE(refusal("cuda:999"), "");
    return;
  }
  for (const char* name : {"cuda", "cuda:0", "cuda:3"}) {
    EXPECT_NE(refusal(name).find("this libtorch has no CUDA"), std::string::npos) << refusal(name);
  }
}

}  // namespace
}  // namespace prpnas::nn
