// `prpnas space costs`: parameters and FLOPs of architecture strings, counted
// on the real torch modules of a network built at a preset and input shape.
#include <fmt/core.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/network_options.h"
#include "prpnas/nn/nb201/config.h"
#include "prpnas/nn/nb201/costs.h"
#include "prpnas/space/architecture_file.h"
#include "prpnas/space/search_space.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {

namespace {

struct CostsOptions {
  std::string space = "nb201", archs;
  NetworkOptions network;
};

void run(const CostsOptions& o) {
  const auto s = space::make_search_space(o.space);
  if (s->name() != "nb201") {
    throw ConfigError("--space " + o.space + ": costs are only implemented for nb201");
  }
  const nn::Nb201Config config = network_config(o.network);

  // Parse every line before the supernet is built, so a typo fails fast.
  const std::vector<space::Architecture> archs = space::read_architecture_file(o.archs, *s);

  const nn::NetworkCosts costs = nn::measure_nb201_costs(config);
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
  add_network_options(*sub, o->network, /*shape_required=*/true);
  sub->add_option("--archs", o->archs, "text file, one architecture string per line (blank lines skipped)")
      ->required();
  sub->callback([o] { run(*o); });
}

}  // namespace prpnas::cli
