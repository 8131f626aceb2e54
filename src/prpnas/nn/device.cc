#include "prpnas/nn/device.h"

#include <fmt/core.h>

#include "prpnas/util/error.h"
#include "prpnas/util/number_text.h"

namespace prpnas::nn {

torch::Device parse_device(const std::string& name, const std::string& field) {
  if (name == "cpu") return torch::kCPU;
  int64_t index = 0;
  if (name != "cuda") {
    const std::optional<int64_t> n = name.rfind("cuda:", 0) == 0 ? parse_whole(name.substr(5)) : std::nullopt;
    if (!n || *n < 0 || name.find_first_of(" \t+") != std::string::npos) {
      throw ConfigError(fmt::format("{} = \"{}\": use cpu, cuda or cuda:N (N = 0, 1, ...)", field, name));
    }
    index = *n;
  }
  if (!torch::cuda::is_available()) {
    throw ConfigError(fmt::format("{} = \"{}\": this libtorch has no CUDA (Debian's is CPU-only); build prpnas "
                                  "against a CUDA-enabled libtorch (docs/CLUSTER.md, \"Devices\") or use cpu",
                                  field, name));
  }
  const int64_t count = static_cast<int64_t>(torch::cuda::device_count());
  if (index >= count) {
    throw ConfigError(fmt::format("{} = \"{}\": this machine has {} CUDA device(s), cuda:0 to cuda:{}", field, name,
                                  count, count - 1));
  }
  return {torch::kCUDA, static_cast<c10::DeviceIndex>(index)};
}

}  // namespace prpnas::nn
