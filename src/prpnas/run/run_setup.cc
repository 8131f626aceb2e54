#include "prpnas/run/run_setup.h"

#include <cstdint>
#include <optional>

#include <fmt/core.h>

#include "prpnas/hw/latency_table.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/pareto/objective.h"
#include "prpnas/run/run_directory.h"
#include "prpnas/run/run_latency.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/train/methods/training_method.h"
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

// Each Step 2 step draws alpha.samples architectures from the pool: a larger
// number, or a pool larger than the space, would silently mean "all of it".
void check_rank_pool(const TrainConfig& config, const train::TrainingInputs& inputs, const space::SearchSpace& space) {
  if (!train::make_training_method(config.training.method)->trains_alpha()) return;
  const std::size_t samples = config.training.alpha.samples;
  if (!inputs.rank_table.empty()) {
    if (samples > inputs.rank_table.archs.size()) {
      throw ConfigError(fmt::format("alpha.samples = {} is more than the {} architectures of ranking.table {}; "
                                    "lower alpha.samples",
                                    samples, inputs.rank_table.archs.size(), config.rank_table));
    }
    return;
  }
  const std::size_t pool = config.training.rank_pool;
  const std::uint64_t space_size = space::valid_alive_size(space, space.full_mask());
  if (pool > space_size) {
    throw ConfigError(fmt::format("ranking.pool = {} is more than the {} valid architectures of space {}; lower it",
                                  pool, space_size, space.name()));
  }
  if (samples > pool) {
    throw ConfigError(fmt::format("alpha.samples = {} is more than ranking.pool = {}, the architectures Step 2 "
                                  "draws from; lower alpha.samples or raise ranking.pool",
                                  samples, pool));
  }
}

}  // namespace

RunSetup assemble_run(const TrainConfig& config, const std::string& lut_dir, bool measure_if_missing) {
  RunSetup setup{space::make_search_space(config.space), data::load_dataset(config.data), {}};
  train::TrainingInputs& inputs = setup.inputs;
  inputs.network = {config.space, config.preset, setup.data.channels, setup.data.height, setup.data.num_classes};
  nn::network_json(inputs.network);  // ConfigError for an unknown preset, before anything is measured
  inputs.truth = read_scored(config.truth, *setup.space, "evaluation.truth", config.truth_limit);
  inputs.rank_table = read_scored(config.rank_table, *setup.space, "ranking.table");
  if (config.training.final_candidates == "truth" && inputs.truth.archs.empty()) {
    throw ConfigError("evaluation.final_candidates = \"truth\" draws the front candidates from evaluation.truth: "
                      "name a ground-truth file there");
  }
  check_rank_pool(config, inputs, *setup.space);
  inputs.costs = cost_objectives(config, inputs.network, lut_dir, measure_if_missing);
  return setup;
}

}  // namespace prpnas::run
