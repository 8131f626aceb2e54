// Short real trainings on Fashion-MNIST (installed by scripts/bootstrap).
#include "prpnas/eval/standalone.h"

#include <gtest/gtest.h>

#include "prpnas/util/error.h"

namespace prpnas::eval {
namespace {

Fidelity small_fidelity() {
  Fidelity f;
  f.data.train_limit = 3000;
  f.data.valid_limit = 1000;
  f.data.test_limit = 1000;
  f.train.epochs = 1;
  f.train.show_progress = false;
  return f;
}

TEST(Standalone, ConvolutionCellLearnsAndBeatsSkipCell) {
  const Fidelity fidelity = small_fidelity();
  const data::DatasetSplits data = data::load_dataset(fidelity.data);
  const auto space = space::make_search_space("nb201");
  const auto conv = space->parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");
  const auto skip = space->parse("|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|");
  const GroundTruthRow conv_row = train_standalone(*space, conv, data, fidelity);
  const GroundTruthRow skip_row = train_standalone(*space, skip, data, fidelity);
  // Chance is 10%; one short epoch is far from converged but clearly learns.
  EXPECT_GT(conv_row.valid_accuracy, 30);
  EXPECT_GT(conv_row.test_accuracy, 30);
  EXPECT_GT(conv_row.valid_accuracy, skip_row.valid_accuracy + 5);
  EXPECT_GT(conv_row.params, skip_row.params);
  EXPECT_GT(conv_row.flops, skip_row.flops);
  EXPECT_GT(conv_row.images_per_second, 0);
}

TEST(Standalone, SameSeedSameResultOtherSeedOtherResult) {
  Fidelity fidelity = small_fidelity();
  fidelity.data.train_limit = 500;
  const data::DatasetSplits data = data::load_dataset(fidelity.data);
  const auto space = space::make_search_space("nb201");
  const auto arch = space->parse("|nor_conv_1x1~0|+|avg_pool_3x3~0|nor_conv_3x3~1|+|skip_connect~0|none~1|nor_conv_1x1~2|");
  const GroundTruthRow a = train_standalone(*space, arch, data, fidelity);
  const GroundTruthRow b = train_standalone(*space, arch, data, fidelity);
  EXPECT_EQ(a.train_loss, b.train_loss);
  EXPECT_EQ(a.valid_accuracy, b.valid_accuracy);
  fidelity.train.seed = 1;
  const GroundTruthRow c = train_standalone(*space, arch, data, fidelity);
  EXPECT_NE(a.train_loss, c.train_loss);
}

TEST(Standalone, DivergingLossIsAnErrorNotAResult) {
  Fidelity fidelity = small_fidelity();
  fidelity.data.train_limit = 500;
  fidelity.train.learning_rate = 1e12;
  const data::DatasetSplits data = data::load_dataset(fidelity.data);
  const auto space = space::make_search_space("nb201");
  const auto arch = space->parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");
  try {
    train_standalone(*space, arch, data, fidelity);
    FAIL() << "expected a NaN/inf loss error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("lower the learning rate"), std::string::npos) << e.what();
  }
}

TEST(Standalone, FidelityReadsItsSpaceAndDefaultsToNb201) {
  Fidelity chain = small_fidelity();
  chain.space = "chain";
  chain.preset = "small";
  nlohmann::json json = chain.to_json();
  EXPECT_EQ(json.at("space"), "chain");
  EXPECT_EQ(Fidelity::from_json(json).space, "chain");
  json.erase("space");  // a sidecar written before other spaces
  EXPECT_EQ(Fidelity::from_json(json).space, "nb201");
}

TEST(Standalone, ChainArchitectureTrainsWithCountedCosts) {
  Fidelity fidelity = small_fidelity();
  fidelity.space = "chain";
  fidelity.preset = "small";
  fidelity.data.train_limit = 500;
  const data::DatasetSplits data = data::load_dataset(fidelity.data);
  const auto space = space::make_search_space("chain");
  const auto arch = space->parse("conv3x3-conv5x5-skip-avg_pool3x3");
  const GroundTruthRow row = train_standalone(*space, arch, data, fidelity);
  const nn::NetworkCosts costs = nn::network_costs(network_config(fidelity, data));
  EXPECT_EQ(row.arch, "conv3x3-conv5x5-skip-avg_pool3x3");
  EXPECT_EQ(row.params, static_cast<int64_t>(costs.params.cost(arch)));
  EXPECT_EQ(row.flops, static_cast<int64_t>(costs.flops.cost(arch)));
  EXPECT_GT(row.flops, 0);
  // An architecture of another space than the fidelity's is refused.
  const auto nb201 = space::make_search_space("nb201");
  const auto cell = nb201->parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|"
                                 "nor_conv_3x3~1|nor_conv_3x3~2|");
  EXPECT_THROW(train_standalone(*nb201, cell, data, fidelity), ConfigError);
}

}  // namespace
}  // namespace prpnas::eval
