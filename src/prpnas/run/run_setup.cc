#include "prpnas/run/run_setup.h"

#include <optional>

#include "prpnas/hw/latency_table.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/pareto/objective.h"
#include "prpnas/run/run_directory.h"
#include "prpnas/run/run_latency.h"
#include "prpnas/util/error.h"

namespace prpnas::run {
namespace {

// The cost tables the objectives name, in their order; the LUT is read (or
// measured) only when a cost needs it.
std::vector<train::CostObjective> cost_objectives(const TrainConfig& config, const nn::NetworkSpec& network,
                                                  const std::string& lut_dir, bool measure_if_missing) {
  std::optional<hw::LatencyTable> lut;
  std::optional<nn::NetworkCosts> counted;
  std::vector<train::CostObjective> costs;
  for (std::size_t i = 1; i < config.objectives.size(); ++i) {
    const std::string name = pareto::parse_objective(config.objectives[i]).name;
    if (name == "latency_ms" || name == "energy_mj") {
      if (!lut) lut = run_latency_table(config, network, lut_dir, measure_if_missing);
      costs.push_back({name, name == "latency_ms" ? lut->latency_ms() : lut->energy_mj()});
    } else {
      if (!counted) counted = nn::network_costs(network);
      costs.push_back({name, name == "params" ? counted->params : counted->flops});
    }
  }
  return costs;
}

}  // namespace

RunSetup assemble_run(const TrainConfig& config, const std::string& lut_dir, bool measure_if_missing) {
  RunSetup setup{space::make_search_space(config.space), data::load_dataset(config.data), {}};
  train::TrainingInputs& inputs = setup.inputs;
  inputs.network = {config.space, config.preset, setup.data.channels, setup.data.height, setup.data.num_classes};
  nn::network_json(inputs.network);  // ConfigError for an unknown preset, before anything is measured
  inputs.truth = read_scored(config.truth, *setup.space, "evaluation.truth", config.truth_limit);
  inputs.rank_table = read_scored(config.rank_table, *setup.space, "ranking.table");
  inputs.costs = cost_objectives(config, inputs.network, lut_dir, measure_if_missing);
  return setup;
}

}  // namespace prpnas::run
