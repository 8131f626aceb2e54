// `prpnas space costs`: parameters and FLOPs of architecture strings, counted
// on the real torch modules of a network built at a preset and input shape.
#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "prpnas/cli/commands.h"
#include "prpnas/nn/nb201_config.h"
#include "prpnas/nn/nb201_costs.h"
#include "prpnas/space/architecture_file.h"
#include "prpnas/space/search_space.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {

namespace {

struct CostsOptions {
  std::string space = "nb201", preset = "default", input, archs;
  int classes = 0;
};

// "CxHxW", e.g. "3x32x32"; NB201 networks need H == W.
struct InputShape {
  int channels, height, width;
};

InputShape parse_input_shape(const std::string& text) {
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
  return {dims[0], dims[1], dims[2]};
}

void run(const CostsOptions& o) {
  const auto s = space::make_search_space(o.space);
  if (s->name() != "nb201") {
    throw ConfigError("--space " + o.space + ": costs are only implemented for nb201");
  }
  const InputShape input = parse_input_shape(o.input);
  if (input.height != input.width) {
    throw ConfigError("--input '" + o.input + "': NB201 networks need square images (H == W)");
  }
  if (o.classes < 1) throw ConfigError("--classes " + std::to_string(o.classes) + ": needs at least 1 class");
  nn::Nb201Config config;
  try {
    config = nn::nb201_preset(o.preset, input.channels, input.height, o.classes);
  } catch (const ConfigError& e) {
    throw ConfigError(std::string(e.what()) + " (from --preset " + o.preset + " --input " + o.input + ")");
  }

  // Parse every line before the supernet is built, so a typo fails fast.
  const std::vector<space::Architecture> archs = space::read_architecture_file(o.archs, *s);

  const nn::Nb201Costs costs = nn::measure_nb201_costs(config);
  fmt::print("arch,params,flops\n");
  for (const auto& arch : archs) {
    fmt::print("{},{},{}\n", s->format(arch), std::llround(costs.params.cost(arch)),
               std::llround(costs.flops.cost(arch)));
  }
}

}  // namespace

void add_space_costs_subcommand(CLI::App& space) {
  auto o = std::make_shared<CostsOptions>();
  CLI::App* sub = space.add_subcommand(
      "costs", "parameters and FLOPs (NAS-Bench-201 convention, batch 1) of architectures, as CSV");
  sub->add_option("--space", o->space, "search space (known: nb201)")->capture_default_str();
  sub->add_option("--preset", o->preset, "network size: paper (C=16, N=5, NAS-Bench-201) or default (C=8, N=1)")
      ->capture_default_str();
  sub->add_option("--input", o->input, "input shape CxHxW, e.g. 3x32x32 (CIFAR) or 1x28x28 (Fashion-MNIST)")
      ->required();
  sub->add_option("--classes", o->classes, "number of classes")->required();
  sub->add_option("--archs", o->archs, "text file, one architecture string per line (blank lines skipped)")
      ->required();
  sub->callback([o] { run(*o); });
}

}  // namespace prpnas::cli
