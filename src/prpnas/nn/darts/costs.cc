#include "prpnas/nn/darts/costs.h"

#include <torch/torch.h>

#include "prpnas/nn/darts/supernet.h"

namespace prpnas::nn {

namespace {

using space::DartsSpace;

std::vector<int64_t> darts_image_shape(int64_t channels, int64_t side) { return {1, channels, side, side}; }

}  // namespace

DartsCosts::DartsCosts(const DartsConfig& config) {
  DartsSupernet supernet(config);
  params_.fixed += parameter_count(*supernet->fixed_parts().front().second);  // stem
  flops_.fixed +=
      conv_linear_macs(*supernet->fixed_parts().front().second,
                       darts_image_shape(int64_t{config.stem_multiplier} * config.channels, config.image_size));
  // Every conv of a cell's preprocessing writes the cell's input side, every
  // conv of its ops its output side (half of it in a reduction cell: the
  // stride-2 ops read nodes 0 and 1, the others read nodes already reduced).
  int64_t side = config.image_size, channels = config.channels;
  for (int i = 0; i < supernet->num_cells(); ++i) {
    const DartsCell& cell = supernet->cell(i);
    if (cell->reduction()) channels *= 2;
    for (const auto& [name, module] : cell->fixed_parts()) {
      params_.fixed += parameter_count(*module);
      flops_.fixed += conv_linear_macs(*module, darts_image_shape(channels, side));
    }
    if (cell->reduction()) side /= 2;
    const int type = cell->reduction() ? 1 : 0;
    for (int node = 2; node <= 5; ++node) {
      for (int from = 0; from < node; ++from) {
        for (int o = 0; o < DartsSpace::kNumOps; ++o) {
          const auto op = cell->op(node, from, o);
          if (op == nullptr) continue;  // identity: free
          params_.edges[type][node - 2][from][o] += parameter_count(*op);
          flops_.edges[type][node - 2][from][o] += conv_linear_macs(*op, darts_image_shape(channels, side));
        }
      }
    }
  }
  const auto& head = supernet->fixed_parts().back().second;
  params_.fixed += parameter_count(*head);
  flops_.fixed += conv_linear_macs(*head, {1, config.num_classes});
}

double DartsCosts::count(const Counts& counts, const space::Architecture& arch) {
  DartsSpace().check(arch);
  double total = counts.fixed;
  for (int type = 0; type < DartsSpace::kNumCells; ++type) {
    for (int node = 2; node <= 5; ++node) {
      const auto [a, b] =
          DartsSpace::input_pair(node, arch[DartsSpace::decision_index(type, node, DartsSpace::Kind::kInputs)]);
      total += counts.edges[type][node - 2][a][arch[DartsSpace::decision_index(type, node, DartsSpace::Kind::kOpA)]];
      total += counts.edges[type][node - 2][b][arch[DartsSpace::decision_index(type, node, DartsSpace::Kind::kOpB)]];
    }
  }
  return total;
}

space::CostTable DartsCosts::additive(const Counts& counts) {
  const DartsSpace space;
  space::CostTable table;
  table.fixed = counts.fixed;
  for (int d = 0; d < space.num_decisions(); ++d) table.choice.emplace_back(space.choices(d).size(), 0.0);
  for (int type = 0; type < DartsSpace::kNumCells; ++type) {
    for (int node = 2; node <= 5; ++node) {
      const auto& t = counts.edges[type][node - 2];
      std::array<double, 5> row_mean{};  // r(j)
      for (int j = 0; j < node; ++j) {
        for (double v : t[j]) row_mean[j] += v / DartsSpace::kNumOps;
      }
      const int d_inputs = DartsSpace::decision_index(type, node, DartsSpace::Kind::kInputs);
      const int d_a = DartsSpace::decision_index(type, node, DartsSpace::Kind::kOpA);
      const int d_b = DartsSpace::decision_index(type, node, DartsSpace::Kind::kOpB);
      const int pairs = static_cast<int>(space.choices(d_inputs).size());
      double mean_ra = 0, mean_rb = 0;
      for (int p = 0; p < pairs; ++p) {
        const auto [a, b] = DartsSpace::input_pair(node, p);
        mean_ra += row_mean[a] / pairs;
        mean_rb += row_mean[b] / pairs;
        for (int o = 0; o < DartsSpace::kNumOps; ++o) {
          table.choice[d_a][o] += t[a][o] / pairs;
          table.choice[d_b][o] += t[b][o] / pairs;
        }
      }
      for (int p = 0; p < pairs; ++p) {
        const auto [a, b] = DartsSpace::input_pair(node, p);
        table.choice[d_inputs][p] = (row_mean[a] - mean_ra) + (row_mean[b] - mean_rb);
      }
    }
  }
  return table;
}

NetworkCosts DartsCosts::additive() const { return {additive(params_), additive(flops_)}; }

}  // namespace prpnas::nn
