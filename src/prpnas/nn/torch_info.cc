#include "prpnas/nn/torch_info.h"

#include <torch/torch.h>

namespace prpnas::nn {

std::string torch_info() {
  return std::string("libtorch ") + TORCH_VERSION + ", " + std::to_string(torch::get_num_threads()) +
         " intra-op thread(s)";
}

}  // namespace prpnas::nn
