// The shared-weight bundle: method k computes path k with its own BN
// statistics, through a save and load; weights the paths share are stored
// once, so the file is smaller than the separate exports (issue 21).
#include "prpnas/deploy/bundle_export.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>

#include "prpnas/deploy/torchscript_export.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/space/sampling.h"

namespace prpnas::deploy {
namespace {

// Distinct statistics per path, as recalibration would give, restored after.
void with_made_up_statistics(nn::Supernet& supernet, const space::Architecture& path, const std::function<void()>& fn) {
  std::vector<std::pair<torch::Tensor, torch::Tensor>> saved;
  torch::NoGradGuard no_grad;
  std::seed_seq seq(path.begin(), path.end());
  std::vector<uint32_t> seed(1);
  seq.generate(seed.begin(), seed.end());
  torch::manual_seed(seed[0]);
  for (auto& b : supernet.module().named_buffers()) {
    saved.emplace_back(b.value(), b.value().clone());
    if (b.key().find("running_mean") != std::string::npos) b.value().normal_(0, 0.5);
    if (b.key().find("running_var") != std::string::npos) b.value().uniform_(0.5, 2);
  }
  fn();
  for (auto& [live, copy] : saved) live.copy_(copy);
}

int64_t saved_bytes(const torch::jit::Module& module) {
  std::ostringstream out;
  module.save(out);
  return static_cast<int64_t>(out.str().size());
}

class BundleExport : public ::testing::TestWithParam<std::string> {};

TEST_P(BundleExport, EachMethodIsItsPathWithItsOwnStatisticsAndWeightsAreStoredOnce) {
  torch::manual_seed(3);
  const auto supernet = nn::make_supernet(nn::NetworkSpec{GetParam(), "default", 1, 28, 10});
  std::vector<space::Architecture> paths = space::distinct_sample(supernet->space(), 4, 9);
  const WithStatistics with_statistics = [&](const space::Architecture& path, const std::function<void()>& fn) {
    with_made_up_statistics(*supernet, path, fn);
  };
  const torch::Tensor x = torch::randn({5, 1, 28, 28});
  torch::jit::Module bundle = export_bundle(*supernet, paths, with_statistics, x.slice(0, 0, 2));
  std::stringstream bytes;
  bundle.save(bytes);
  torch::jit::Module loaded = torch::jit::load(bytes);
  const int64_t bundle_bytes = static_cast<int64_t>(bytes.str().size());

  int64_t separate_bytes = 0;
  torch::NoGradGuard no_grad;
  for (std::size_t k = 0; k < paths.size(); ++k) {
    torch::Tensor expected;
    with_statistics(paths[k], [&] {
      supernet->module().eval();
      expected = supernet->forward(x, paths[k]);
      separate_bytes += saved_bytes(export_torchscript(*supernet->standalone(paths[k]), x.slice(0, 0, 2)));
    });
    const torch::Tensor got = loaded.get_method("forward_" + std::to_string(k))({x}).toTensor();
    EXPECT_LE((got - expected).abs().max().item<float>(), 1e-5f) << "path " << k;
    const torch::Tensor dispatched = loaded.forward({x, static_cast<int64_t>(k)}).toTensor();
    EXPECT_TRUE(torch::equal(dispatched, got)) << "path " << k;
  }
  EXPECT_ANY_THROW(loaded.forward({x, int64_t{4}}));  // "k must be in 0..3"
  EXPECT_LT(bundle_bytes, separate_bytes);
  std::printf("%s bundle of 4: %lld bytes, 4 separate files: %lld bytes\n", GetParam().c_str(),
              static_cast<long long>(bundle_bytes), static_cast<long long>(separate_bytes));
}

INSTANTIATE_TEST_SUITE_P(Spaces, BundleExport, ::testing::Values("nb201", "darts", "proxyless"));

}  // namespace
}  // namespace prpnas::deploy
