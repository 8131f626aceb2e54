#include "prpnas/cli/network_options.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include <fmt/core.h>

#include "prpnas/util/error.h"
#include "prpnas/util/printable.h"

namespace prpnas::cli {

namespace {

// Bounds well beyond any dataset prpnas reads (ImageNet's 224 pixels, 21,841
// classes), so that a typo meets a clear error, not libtorch's allocator.
constexpr int kMaxChannels = 64, kMaxSide = 1024, kMaxClasses = 100000;

// "CxHxW", e.g. "3x32x32".
std::vector<int> parse_input_shape(const std::string& text) {
  std::vector<int> dims;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('x', pos), text.size());
    const std::string part = text.substr(pos, end - pos);
    bool digits = !part.empty() && part.size() <= 6;
    for (unsigned char c : part) digits = digits && std::isdigit(c);
    if (!digits || std::stoi(part) < 1) {
      throw ConfigError("--input " + echoed(text) + ": expected CxHxW with positive integers, e.g. 3x32x32");
    }
    dims.push_back(std::stoi(part));
    pos = end + 1;
  }
  if (dims.size() != 3) {
    throw ConfigError("--input " + echoed(text) + ": expected three sizes CxHxW, e.g. 3x32x32 or 1x28x28");
  }
  if (dims[0] > kMaxChannels || dims[1] > kMaxSide || dims[2] > kMaxSide) {
    throw ConfigError(fmt::format("--input {}: at most {} channels and {}x{} pixels", echoed(text), kMaxChannels,
                                  kMaxSide, kMaxSide));
  }
  return dims;
}

void check_classes(int classes) {
  if (classes < 1 || classes > kMaxClasses) {
    throw ConfigError(fmt::format("--classes {}: use 1 to {}", classes, kMaxClasses));
  }
}

}  // namespace

void add_network_options(CLI::App& command, NetworkOptions& o, bool shape_required) {
  command.add_option("--preset", o.preset, kPresetHelp)->capture_default_str();
  auto* input = command.add_option("--input", o.input, "input shape CxHxW, e.g. 3x32x32 (CIFAR) or 1x28x28 (Fashion-MNIST)");
  auto* classes = command.add_option("--classes", o.classes, "number of classes");
  if (shape_required) {
    input->required();
    classes->required();
  } else {
    o.input = "1x28x28";
    o.classes = 10;
    input->capture_default_str();
    classes->capture_default_str();
  }
}

nn::NetworkSpec network_spec(const NetworkOptions& o, const std::string& space) {
  const std::vector<int> dims = parse_input_shape(o.input);
  if (dims[1] != dims[2]) throw ConfigError("--input " + echoed(o.input) + ": the networks need square images (H == W)");
  check_classes(o.classes);
  const nn::NetworkSpec spec{space, o.preset, dims[0], dims[1], o.classes};
  try {
    nn::network_json(spec);  // builds the preset's config: checks it
  } catch (const ConfigError& e) {
    throw ConfigError(std::string(e.what()) + " (from --preset " + o.preset + " --input " + o.input + ")");
  }
  return spec;
}

nn::Nb201Config network_config(const NetworkOptions& o) {
  const std::vector<int> dims = parse_input_shape(o.input);
  if (dims[1] != dims[2]) {
    throw ConfigError("--input " + echoed(o.input) + ": NB201 networks need square images (H == W)");
  }
  check_classes(o.classes);
  try {
    return nn::nb201_preset(o.preset, dims[0], dims[1], o.classes);
  } catch (const ConfigError& e) {
    throw ConfigError(std::string(e.what()) + " (from --preset " + o.preset + " --input " + o.input + ")");
  }
}

}  // namespace prpnas::cli
