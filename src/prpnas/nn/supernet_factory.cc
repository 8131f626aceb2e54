#include "prpnas/nn/supernet_factory.h"

#include <utility>

#include "prpnas/nn/chain/costs.h"
#include "prpnas/nn/chain/network.h"
#include "prpnas/nn/chain/supernet.h"
#include "prpnas/nn/darts/costs.h"
#include "prpnas/nn/darts/network.h"
#include "prpnas/nn/darts/supernet.h"
#include "prpnas/nn/mbconv/costs.h"
#include "prpnas/nn/mbconv/network.h"
#include "prpnas/nn/mbconv/supernet.h"
#include "prpnas/nn/nb201/costs.h"
#include "prpnas/nn/nb201/network.h"
#include "prpnas/nn/nb201/supernet.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {
namespace {

[[noreturn]] void unknown_space(const std::string& space) {
  throw ConfigError("no networks for search space '" + space + "' (known: nb201, chain, darts, proxyless, mobilenetv2, ofa)");
}

Nb201Config nb201_config(const NetworkSpec& spec) {
  return nb201_preset(spec.preset, spec.in_channels, spec.image_size, spec.num_classes);
}

ChainConfig chain_config(const NetworkSpec& spec) {
  return chain_preset(spec.preset, spec.in_channels, spec.image_size, spec.num_classes);
}

DartsConfig darts_config(const NetworkSpec& spec) {
  return darts_preset(spec.preset, spec.in_channels, spec.image_size, spec.num_classes);
}

bool is_mbconv(const NetworkSpec& spec) {
  return spec.space == "proxyless" || spec.space == "mobilenetv2" || spec.space == "ofa";
}

MbConvConfig mbconv_config(const NetworkSpec& spec) {
  return mbconv_preset(spec.space, spec.preset, spec.in_channels, spec.image_size, spec.num_classes);
}

}  // namespace

std::shared_ptr<Supernet> make_supernet(const NetworkSpec& spec) {
  if (spec.space == "nb201") return Nb201Supernet(nb201_config(spec)).ptr();
  if (spec.space == "chain") return ChainSupernet(chain_config(spec)).ptr();
  if (spec.space == "darts") return DartsSupernet(darts_config(spec)).ptr();
  if (is_mbconv(spec)) return MbConvSupernet(mbconv_config(spec)).ptr();
  unknown_space(spec.space);
}

std::shared_ptr<Network> make_network(const NetworkSpec& spec, const space::Architecture& arch) {
  if (spec.space == "nb201") return Nb201Network(nb201_config(spec), arch).ptr();
  if (spec.space == "chain") return ChainNetwork(chain_config(spec), arch).ptr();
  if (spec.space == "darts") return DartsNetwork(darts_config(spec), arch).ptr();
  if (is_mbconv(spec)) return MbConvNetwork(mbconv_config(spec), arch).ptr();
  unknown_space(spec.space);
}

nlohmann::json network_json(const NetworkSpec& spec) {
  if (spec.space == "nb201") return nb201_config(spec).to_json();
  if (spec.space == "chain") return chain_config(spec).to_json();
  if (spec.space == "darts") return darts_config(spec).to_json();
  if (is_mbconv(spec)) return mbconv_config(spec).to_json();
  unknown_space(spec.space);
}

NetworkCosts network_costs(const NetworkSpec& spec) {
  if (spec.space == "nb201") return measure_nb201_costs(nb201_config(spec));
  if (spec.space == "chain") return measure_chain_costs(chain_config(spec));
  if (spec.space == "darts") return DartsCosts(darts_config(spec)).additive();
  if (is_mbconv(spec)) return measure_mbconv_costs(mbconv_config(spec));
  unknown_space(spec.space);
}

ArchitectureCounter architecture_costs(const NetworkSpec& spec) {
  if (spec.space == "darts") {
    auto costs = std::make_shared<const DartsCosts>(darts_config(spec));
    return [costs](const space::Architecture& arch) {
      return ArchitectureCosts{costs->params(arch), costs->flops(arch)};
    };
  }
  auto table = std::make_shared<const NetworkCosts>(network_costs(spec));
  return [table](const space::Architecture& arch) {
    return ArchitectureCosts{table->params.cost(arch), table->flops.cost(arch)};
  };
}

}  // namespace prpnas::nn
