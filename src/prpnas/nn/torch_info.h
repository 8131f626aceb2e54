// What libtorch this binary runs on: recorded in --version and run metadata.
#ifndef PRPNAS_NN_TORCH_INFO_H_
#define PRPNAS_NN_TORCH_INFO_H_

#include <string>

namespace prpnas::nn {

// e.g. "libtorch 1.13.0, 1 intra-op thread(s)".
std::string torch_info();

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_TORCH_INFO_H_
