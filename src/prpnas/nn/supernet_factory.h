// Builds the networks of a search space by name, next to
// space::make_search_space: a NetworkSpec names the space, its preset (the
// space's own sizes, e.g. NB201's C and N) and the dataset's shape.
#ifndef PRPNAS_NN_SUPERNET_FACTORY_H_
#define PRPNAS_NN_SUPERNET_FACTORY_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "prpnas/nn/module_costs.h"
#include "prpnas/nn/network.h"
#include "prpnas/nn/supernet.h"
#include "prpnas/space/cost_table.h"

namespace prpnas::nn {

struct NetworkSpec {
  std::string space = "nb201";
  std::string preset = "default";
  int in_channels = 3;
  int image_size = 32;  // height == width
  int num_classes = 10;

  bool operator==(const NetworkSpec&) const = default;
};

// Throw ConfigError naming the unknown space or preset (and the known ones)
// or the field a preset cannot be built with.
std::shared_ptr<Supernet> make_supernet(const NetworkSpec& spec);
std::shared_ptr<Network> make_network(const NetworkSpec& spec, const space::Architecture& arch);

// The network's shape as measurements record it (a LUT is only valid for
// the network it was timed on). NB201: its config's five numbers.
nlohmann::json network_json(const NetworkSpec& spec);

// Parameters and FLOPs (multiply-accumulates, batch 1) of every architecture
// of the spec's space, counted on the real modules (nn/<family>/costs.h;
// NB201: measure_nb201_costs). Builds a supernet, so it draws from torch's
// global generator.
// DARTS: an additive approximation (DartsCosts::additive, nn/darts/costs.h);
// architecture_costs counts exactly.
NetworkCosts network_costs(const NetworkSpec& spec);

// Exact parameters and FLOPs of one architecture's stand-alone network.
struct ArchitectureCosts {
  double params = 0;
  double flops = 0;
};
using ArchitectureCounter = std::function<ArchitectureCosts(const space::Architecture&)>;

// A counter for the spec's architectures: the additive table's cost where it
// is exact (nb201, chain), DartsCosts's edge counts for darts. Building it
// builds a supernet once (torch's global generator); the counter throws
// prpnas::Error for an architecture of another shape.
ArchitectureCounter architecture_costs(const NetworkSpec& spec);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_SUPERNET_FACTORY_H_
