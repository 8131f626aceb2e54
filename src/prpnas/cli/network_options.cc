#include "prpnas/cli/network_options.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "prpnas/util/error.h"

namespace prpnas::cli {

namespace {

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
      throw ConfigError("--input '" + text + "': expected CxHxW with positive integers, e.g. 3x32x32");
    }
    dims.push_back(std::stoi(part));
    pos = end + 1;
  }
  if (dims.size() != 3) {
    throw ConfigError("--input '" + text + "': expected three sizes CxHxW, e.g. 3x32x32 or 1x28x28");
  }
  return dims;
}

}  // namespace

void add_network_options(CLI::App& command, NetworkOptions& o, bool shape_required) {
  command.add_option("--preset", o.preset, "network size: paper (C=16, N=5, NAS-Bench-201) or default (C=8, N=1)")
      ->capture_default_str();
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
  if (dims[1] != dims[2]) throw ConfigError("--input '" + o.input + "': the networks need square images (H == W)");
  if (o.classes < 1) throw ConfigError("--classes " + std::to_string(o.classes) + ": needs at least 1 class");
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
    throw ConfigError("--input '" + o.input + "': NB201 networks need square images (H == W)");
  }
  if (o.classes < 1) throw ConfigError("--classes " + std::to_string(o.classes) + ": needs at least 1 class");
  try {
    return nn::nb201_preset(o.preset, dims[0], dims[1], o.classes);
  } catch (const ConfigError& e) {
    throw ConfigError(std::string(e.what()) + " (from --preset " + o.preset + " --input " + o.input + ")");
  }
}

}  // namespace prpnas::cli
