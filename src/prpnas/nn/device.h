// The device every tensor and module of a run goes to: "cpu", "cuda" or
// "cuda:N" (config key `device`, `--device`). One value, threaded through
// from the configuration, so that CPU and CUDA runs take the same code
// paths. Debian's libtorch is CPU-only: there, any cuda device is refused
// with one line saying how to get one (docs/CLUSTER.md, "Devices").
#ifndef PRPNAS_NN_DEVICE_H_
#define PRPNAS_NN_DEVICE_H_

#include <torch/torch.h>

#include <string>

namespace prpnas::nn {

// Throws ConfigError naming `field` for a malformed name, for cuda on a
// libtorch without CUDA or without that many devices.
torch::Device parse_device(const std::string& name, const std::string& field);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_DEVICE_H_
