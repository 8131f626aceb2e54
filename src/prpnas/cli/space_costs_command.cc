// `prpnas space costs`: parameters and FLOPs of architecture strings, counted
// on the real torch modules of a network built at a preset and input shape
// (exactly, also for DARTS, whose costs are not additive).
#include <fmt/core.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/network_options.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/space/architecture_file.h"
#include "prpnas/space/search_space.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {

namespace {

struct CostsOptions {
  std::string space = "nb201", archs;
  NetworkOptions network;
};

void run(const CostsOptions& o) {
  const auto s = space::make_search_space(o.space);
  const nn::NetworkSpec spec = network_spec(o.network, o.space);

  // Parse every line before the supernet is built, so a typo fails fast.
  const std::vector<space::Architecture> archs = space::read_architecture_file(o.archs, *s);

  const nn::ArchitectureCounter count = nn::architecture_costs(spec);
  fmt::print("arch,params,flops\n");
  for (const auto& arch : archs) {
    const nn::ArchitectureCosts costs = count(arch);
    fmt::print("{},{},{}\n", csv_field(s->format(arch)), std::llround(costs.params), std::llround(costs.flops));
  }
}

}  // namespace

void add_space_costs_subcommand(CLI::App& space) {
  auto o = std::make_shared<CostsOptions>();
  CLI::App* sub = space.add_subcommand(
      "costs", "parameters and FLOPs (NAS-Bench-201 convention, batch 1) of architectures, as CSV");
  sub->add_option("--space", o->space, "search space (nb201, chain, darts, proxyless, mobilenetv2 or ofa)")->capture_default_str();
  add_network_options(*sub, o->network, /*shape_required=*/true);
  sub->add_option("--archs", o->archs, "text file, one architecture string per line (blank lines skipped)")
      ->required();
  sub->callback([o] { run(*o); });
}

}  // namespace prpnas::cli
