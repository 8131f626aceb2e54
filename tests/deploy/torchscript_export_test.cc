// Export round trip: a network of every space, traced to TorchScript, saved,
// loaded back with torch::jit::load, computes prpnas's own forward on real
// Fashion-MNIST test images (issue 21).
#include "prpnas/deploy/torchscript_export.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

#include "prpnas/data/image_dataset.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/space/sampling.h"
#include "prpnas/train/batches.h"

namespace prpnas::deploy {
namespace {

const data::DatasetSplits& fashion_mnist() {
  static const data::DatasetSplits splits = [] {
    data::DatasetOptions options;
    options.train_limit = 100;
    options.valid_limit = 100;
    options.test_limit = 64;
    return data::load_dataset(options);
  }();
  return splits;
}

torch::Tensor test_images() {
  return train::make_batch(fashion_mnist().test, torch::arange(64), fashion_mnist()).images;
}

// BN statistics away from their initial (0, 1), so that eval mode matters.
void randomise_statistics(torch::nn::Module& module) {
  torch::NoGradGuard no_grad;
  for (auto& b : module.named_buffers()) {
    if (b.key().find("running_mean") != std::string::npos) b.value().normal_(0, 0.5);
    if (b.key().find("running_var") != std::string::npos) b.value().uniform_(0.5, 2);
  }
}

class ExportRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(ExportRoundTrip, TheLoadedModuleComputesTheNetworksForward) {
  torch::manual_seed(1);
  const nn::NetworkSpec spec{GetParam(), "default", 1, 28, 10};
  std::mt19937_64 rng(7);
  const auto space = space::make_search_space(spec.space);
  const auto network = nn::make_network(spec, space::sample_uniform(*space, rng));
  randomise_statistics(network->module());
  const torch::Tensor x = test_images();

  const torch::jit::Module exported = export_torchscript(*network, x.slice(0, 0, 2));
  EXPECT_TRUE(network->module().is_training());  // left as it was
  const std::string path = (std::filesystem::temp_directory_path() / ("prpnas_export_" + spec.space + ".pt")).string();
  save_torchscript(exported, path);
  torch::jit::Module loaded = torch::jit::load(path);
  std::filesystem::remove(path);

  network->module().eval();
  torch::NoGradGuard no_grad;
  const torch::Tensor expected = network->forward(x);
  const torch::Tensor got = loaded.forward({x}).toTensor();  // a batch size other than the trace's
  ASSERT_EQ(got.sizes(), expected.sizes());
  EXPECT_LE((got - expected).abs().max().item<float>(), 1e-5f) << spec.space;

  // The export holds copies: changing the network afterwards leaves it alone.
  for (auto& p : network->module().parameters()) p.add_(1);
  EXPECT_LE((loaded.forward({x}).toTensor() - got).abs().max().item<float>(), 0.0f);
  EXPECT_GT((network->forward(x) - expected).abs().max().item<float>(), 1e-3f);
}

INSTANTIATE_TEST_SUITE_P(EverySpace, ExportRoundTrip, ::testing::Values("nb201", "chain", "darts", "proxyless"));

TEST(AttributeName, ReplacesDots) { EXPECT_EQ(attribute_name("cells.0.conv.weight"), "cells_0_conv_weight"); }

}  // namespace
}  // namespace prpnas::deploy
