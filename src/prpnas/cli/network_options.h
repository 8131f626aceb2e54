// Command-line options that decide a network's shape without a
// dataset: --preset, --input CxHxW and --classes. Shared by `space costs`,
// `lut measure` and `latency measure`.
#ifndef PRPNAS_CLI_NETWORK_OPTIONS_H_
#define PRPNAS_CLI_NETWORK_OPTIONS_H_

#include <CLI/CLI.hpp>

#include <string>

#include "prpnas/nn/nb201/config.h"
#include "prpnas/nn/supernet_factory.h"

namespace prpnas::cli {

// The --preset help of every command that builds networks.
inline constexpr const char* kPresetHelp =
    "network size: nb201 paper (C=16, N=5) or default (C=8, N=1); chain default or small; darts default (C=8, "
    "5 cells), search (C=16, 8) or eval (C=36, 20); proxyless and mobilenetv2 default (CPU: width 0.25, 28x28) "
    "or imagenet (width 1.0, 224x224); ofa default (CPU: width 0.5, 28x28) or imagenet (width 1.2)";

struct NetworkOptions {
  std::string preset = "default";
  std::string input;  // "CxHxW"
  int classes = 0;
};

// With `shape_required` false, --input and --classes default to
// Fashion-MNIST's (1x28x28, 10 classes), the built-in default dataset.
void add_network_options(CLI::App& command, NetworkOptions& options, bool shape_required);

// Throws ConfigError naming the option for a bad preset, shape or class count.
nn::Nb201Config network_config(const NetworkOptions& options);
// The same for a network of `space`.
nn::NetworkSpec network_spec(const NetworkOptions& options, const std::string& space);

}  // namespace prpnas::cli

#endif  // PRPNAS_CLI_NETWORK_OPTIONS_H_
