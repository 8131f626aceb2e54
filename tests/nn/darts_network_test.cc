#include "prpnas/nn/darts/network.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "prpnas/nn/darts/costs.h"
#include "prpnas/nn/darts/supernet.h"
#include "prpnas/nn/module_costs.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/space/darts_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {
namespace {

using space::Architecture;
using space::DartsSpace;

// quark0/darts cnn/genotypes.py.
constexpr const char* kDartsV2 =
    "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), "
    "('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, "
    "5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), "
    "('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, "
    "5])";
constexpr const char* kDartsV1 =
    "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 0), ('sep_conv_3x3', 1), "
    "('skip_connect', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 2)], normal_concat=[2, 3, 4, "
    "5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), "
    "('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('avg_pool_3x3', 0)], reduce_concat=[2, 3, 4, "
    "5])";

// The paper's CIFAR-10 network: C=36, 20 cells (no auxiliary head).
DartsConfig cifar_eval_config() { return darts_preset("eval", 3, 32, 10); }

TEST(DartsNetwork, DartsV2HasThePublishedParameterCount) {
  // DARTS's train.py log for DARTS_V2: "param size = 3.349342MB" (it counts
  // every parameter but the auxiliary head's); the paper's Table 1 rounds it to 3.3M.
  const Architecture arch = DartsSpace().parse(kDartsV2);
  DartsNetwork network(cifar_eval_config(), arch);
  EXPECT_EQ(parameter_count(*network), 3349342);
  EXPECT_EQ(DartsCosts(cifar_eval_config()).params(arch), 3349342);
}

TEST(DartsNetwork, DartsV1AndV2FlopsAndParameters) {
  // Exact values from a Python transcription of quark0/darts cnn/model.py and
  // operations.py (NetworkCIFAR without the auxiliary head) on torch 1.13,
  // MACs counted by forward hooks by the rules of nn/module_costs.h.
  const DartsCosts costs(cifar_eval_config());
  const Architecture v2 = DartsSpace().parse(kDartsV2);
  // NAS papers cite 528M multiply-adds for DARTS (2nd order) on CIFAR-10 (e.g. GDAS, PC-DARTS).
  EXPECT_EQ(costs.flops(v2), 528359050);
  const Architecture v1 = DartsSpace().parse(kDartsV1);
  EXPECT_EQ(costs.params(v1), 3169414);
  EXPECT_EQ(costs.flops(v1), 500987530);
}

TEST(DartsNetwork, ForwardGivesLogitsOfEveryImage) {
  torch::manual_seed(0);
  DartsNetwork network(darts_preset("default", 1, 28, 10), DartsSpace().parse(kDartsV2));
  const torch::Tensor y = network->forward(torch::randn({3, 1, 28, 28}));
  EXPECT_EQ(y.sizes().vec(), (std::vector<int64_t>{3, 10}));
}

TEST(DartsNetwork, BadArchitectureThrows) {
  EXPECT_THROW(DartsNetwork(darts_preset("default", 1, 28, 10), Architecture(23, 0)), Error);
  Architecture arch(24, 0);
  arch[DartsSpace::decision_index(0, 5, DartsSpace::Kind::kInputs)] = 10;  // node 5 has 10 pairs: 0..9
  EXPECT_THROW(DartsNetwork(darts_preset("default", 1, 28, 10), arch), Error);
}

TEST(DartsConfig, PresetsAndChecks) {
  EXPECT_EQ(darts_preset("search", 3, 32, 10).channels, 16);
  EXPECT_EQ(darts_preset("search", 3, 32, 10).layers, 8);
  EXPECT_THROW(darts_preset("nope", 3, 32, 10), ConfigError);
  EXPECT_THROW(darts_preset("default", 3, 30, 10), ConfigError);  // odd side after a reduction
  DartsConfig config;
  config.layers = 2;
  try {
    config.check();
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("layers"), std::string::npos);
  }
  EXPECT_EQ(network_json({"darts", "default", 1, 28, 10})["channels"], 8);
}

// Stand-alone FLOPs counted op by op through the observer, mapping each op
// call to its module by the order the cells run them: an independent check
// of DartsCosts's shapes.
class DartsShapeRecorder : public OpObserver {
 public:
  void after_op(int, int, const torch::Tensor& out) override { ops.push_back(out.sizes().vec()); }
  void after_fixed(const std::string& part, const torch::Tensor& out) override {
    fixed.emplace_back(part, out.sizes().vec());
  }
  std::vector<std::vector<int64_t>> ops;
  std::vector<std::pair<std::string, std::vector<int64_t>>> fixed;
};

double darts_observed_flops(DartsNetworkImpl& network, const DartsConfig& config) {
  DartsShapeRecorder recorder;
  network.set_observer(&recorder);
  {
    torch::NoGradGuard no_grad;
    network.eval();
    network.forward(torch::zeros({1, config.in_channels, config.image_size, config.image_size}));
  }
  network.set_observer(nullptr);
  double flops = 0;
  const auto parts = network.fixed_parts();
  EXPECT_EQ(parts.size(), recorder.fixed.size());
  for (std::size_t i = 0; i < parts.size() && i < recorder.fixed.size(); ++i) {
    EXPECT_EQ(parts[i].first, recorder.fixed[i].first);
    flops += conv_linear_macs(*parts[i].second, recorder.fixed[i].second);
  }
  const Architecture& arch = network.architecture();
  std::size_t call = 0;
  for (int i = 0; i < network.num_cells(); ++i) {
    const int type = network.cell(i)->reduction() ? 1 : 0;
    for (int node = 2; node <= 5; ++node) {
      const auto [a, b] =
          DartsSpace::input_pair(node, arch[DartsSpace::decision_index(type, node, DartsSpace::Kind::kInputs)]);
      for (auto [from, kind] : {std::pair{a, DartsSpace::Kind::kOpA}, std::pair{b, DartsSpace::Kind::kOpB}}) {
        const auto op = network.cell(i)->op(node, from, arch[DartsSpace::decision_index(type, node, kind)]);
        if (op != nullptr) flops += conv_linear_macs(*op, recorder.ops.at(call));
        ++call;
      }
    }
  }
  EXPECT_EQ(call, recorder.ops.size());
  return flops;
}

TEST(DartsCosts, ExactCountsMatchTheStandAloneNetworks) {
  const DartsConfig config{6, 5, 3, 16, 7, 3};
  const DartsCosts costs(config);
  std::mt19937_64 rng(3);
  std::vector<Architecture> archs = {DartsSpace().parse(kDartsV2), DartsSpace().parse(kDartsV1)};
  for (int i = 0; i < 6; ++i) archs.push_back(space::sample_uniform(DartsSpace(), rng));
  for (const Architecture& arch : archs) {
    DartsNetwork network(config, arch);
    EXPECT_EQ(costs.params(arch), parameter_count(*network)) << DartsSpace().format(arch);
    EXPECT_EQ(costs.flops(arch), darts_observed_flops(*network, config)) << DartsSpace().format(arch);
  }
  const ArchitectureCounter counter = architecture_costs({"darts", "default", 3, 16, 7});
  EXPECT_EQ(counter(archs[0]).params, DartsCosts(darts_preset("default", 3, 16, 7)).params(archs[0]));
}

TEST(DartsCosts, AdditiveTableIsExactOnNormalCellsAndOnAverage) {
  const DartsConfig config{6, 5, 3, 16, 7, 3};
  const DartsCosts costs(config);
  const NetworkCosts table = costs.additive();
  std::mt19937_64 rng(5);
  const Architecture base = space::sample_uniform(DartsSpace(), rng);
  const double base_error = table.flops.cost(base) - costs.flops(base);
  double mean_error = 0, mean_flops = 0;
  constexpr int kSamples = 2000;
  for (int i = 0; i < kSamples; ++i) {
    Architecture arch = space::sample_uniform(DartsSpace(), rng);
    mean_error += (table.flops.cost(arch) - costs.flops(arch)) / kSamples;
    mean_flops += costs.flops(arch) / kSamples;
    // Normal-cell decisions (0..11) alone do not change the error.
    for (int d = DartsSpace::kDecisionsPerCell; d < 2 * DartsSpace::kDecisionsPerCell; ++d) arch[d] = base[d];
    EXPECT_NEAR(table.flops.cost(arch) - costs.flops(arch), base_error, 1e-6 * costs.flops(arch));
    EXPECT_NEAR(table.params.cost(arch) - costs.params(arch), table.params.cost(base) - costs.params(base), 1e-3);
  }
  EXPECT_LT(std::abs(mean_error), 0.01 * mean_flops);
}

}  // namespace
}  // namespace prpnas::nn
