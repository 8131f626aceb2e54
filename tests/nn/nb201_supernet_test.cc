#include "prpnas/nn/nb201/supernet.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

#include "prpnas/nn/nb201/network.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::nn {
namespace {

using space::Architecture;
using space::ChoiceMask;
using space::Nb201Space;

// Small but with two cells per stage and all three stages.
Nb201Config small_config() { return Nb201Config{8, 2, 3, 16, 10}; }

// Running statistics away from their (0, 1) start, for every op.
void warm_up_batch_norm(Nb201Supernet& supernet) {
  supernet->train();
  torch::NoGradGuard no_grad;
  for (int i = 0; i < 3; ++i) {
    supernet->forward(torch::randn({8, 3, 16, 16}) * 2 + 0.5, Nb201Space().full_mask());
  }
  supernet->eval();
}

std::vector<Architecture> test_architectures() {
  const Nb201Space s;
  std::vector<Architecture> archs = {
      s.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|"),
      s.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"),
      s.parse("|skip_connect~0|+|none~0|nor_conv_1x1~1|+|none~0|none~1|skip_connect~2|"),
      s.parse("|none~0|+|skip_connect~0|none~1|+|avg_pool_3x3~0|none~1|none~2|"),
  };
  std::mt19937_64 rng(7);
  for (int i = 0; i < 6; ++i) archs.push_back(space::sample_uniform(s, rng));
  return archs;
}

TEST(Nb201Supernet, SinglePathEqualsStandAloneNetworkAfterCopy) {
  torch::manual_seed(1);
  Nb201Supernet supernet(small_config());
  warm_up_batch_norm(supernet);
  const torch::Tensor x = torch::randn({4, 3, 16, 16});
  torch::NoGradGuard no_grad;
  for (const Architecture& arch : test_architectures()) {
    Nb201Network network(small_config(), arch);
    network->eval();
    const torch::Tensor expected = supernet->forward(x, arch);
    network->copy_from(*supernet);
    const torch::Tensor got = network->forward(x);
    EXPECT_LT((got - expected).abs().max().item<double>(), 1e-5) << Nb201Space().format(arch);
  }
}

TEST(Nb201Supernet, CopyTakesBatchNormStatistics) {
  torch::manual_seed(2);
  Nb201Supernet supernet(small_config());
  warm_up_batch_norm(supernet);
  const Architecture arch = test_architectures()[0];
  Nb201Network network(small_config(), arch);
  network->copy_from(*supernet);
  const auto buffers = supernet->named_buffers();
  int compared = 0;
  for (const auto& b : network->named_buffers()) {
    EXPECT_TRUE(torch::equal(b.value(), buffers[b.key()])) << b.key();
    ++compared;
  }
  EXPECT_GT(compared, 0);
  // Warm-up moved them: a fresh network would not match.
  EXPECT_FALSE(torch::equal(Nb201Network(small_config(), arch)->named_buffers()["stem.1.running_mean"],
                            buffers["stem.1.running_mean"]));
}

// Paths in an order that both reuses and misses the memo's parts, in train
// mode (batch statistics), then in eval mode with the running statistics
// that left (a memo is valid only while they stay), each mode in its own slot.
TEST(Nb201Supernet, MemoForwardEqualsThePlainForwardBitForBit) {
  torch::manual_seed(4);
  Nb201Supernet supernet(small_config());
  torch::NoGradGuard no_grad;
  supernet->train();
  supernet->forward(torch::randn({16, 3, 16, 16}), Architecture(6, Nb201Space::kConv3x3));  // some running statistics
  const torch::Tensor x = torch::randn({8, 3, 16, 16});
  const Nb201Space s;
  std::mt19937_64 rng(9);
  std::vector<Architecture> paths;
  for (int i = 0; i < 120; ++i) paths.push_back(space::sample_uniform(s, rng));
  std::sort(paths.begin(), paths.begin() + 60);  // neighbours share prefixes; the rest is random
  ForwardMemo memo(int64_t{1} << 30);
  for (bool training : {true, false}) {
    supernet->train(training);
    memo.set_slot(training ? 0 : 1);
    for (const Architecture& path : paths) {
      const torch::Tensor plain = supernet->forward(x, path);
      EXPECT_TRUE(torch::equal(supernet->forward(x, path, memo), plain)) << s.format(path) << " " << training;
    }
  }
  EXPECT_GT(memo.hits(), memo.misses());
}

TEST(Nb201Supernet, MaskWithOneAliveOpPerEdgeEqualsSinglePath) {
  torch::manual_seed(3);
  Nb201Supernet supernet(small_config());
  warm_up_batch_norm(supernet);
  const torch::Tensor x = torch::randn({4, 3, 16, 16});
  torch::NoGradGuard no_grad;
  for (const Architecture& arch : test_architectures()) {
    ChoiceMask mask(6, std::vector<bool>(5, false));
    for (int d = 0; d < 6; ++d) mask[d][arch[d]] = true;
    EXPECT_TRUE(torch::allclose(supernet->forward(x, mask), supernet->forward(x, arch), 0, 0));
  }
}

TEST(Nb201Supernet, MaskSumsAliveOps) {
  // With skip_connect and none alive on every edge, each edge is the identity
  // plus zeros: the same as the all-skip path.
  torch::manual_seed(4);
  Nb201Supernet supernet(small_config());
  supernet->eval();
  const torch::Tensor x = torch::randn({2, 3, 16, 16});
  ChoiceMask mask(6, std::vector<bool>(5, false));
  for (auto& row : mask) row[Nb201Space::kNone] = row[Nb201Space::kSkipConnect] = true;
  torch::NoGradGuard no_grad;
  EXPECT_TRUE(torch::allclose(supernet->forward(x, mask), supernet->forward(x, Architecture(6, 1)), 1e-6, 1e-6));
  // All ops alive differs from any single path.
  EXPECT_FALSE(torch::allclose(supernet->forward(x, Nb201Space().full_mask()), supernet->forward(x, Architecture(6, 1))));
}

TEST(Nb201Supernet, WeightedMaskOfOnesIsTheUnweightedSumAndOneHotIsTheSinglePath) {
  torch::manual_seed(41);
  Nb201Supernet supernet(small_config());
  warm_up_batch_norm(supernet);
  supernet->eval();
  const torch::Tensor x = torch::randn({3, 3, 16, 16});
  const ChoiceMask full = Nb201Space().full_mask();
  torch::NoGradGuard no_grad;
  EXPECT_TRUE(torch::equal(supernet->forward(x, full, torch::ones({6, 5})), supernet->forward(x, full)));
  for (const Architecture& arch : test_architectures()) {
    torch::Tensor one_hot = torch::zeros({6, 5});
    for (int d = 0; d < 6; ++d) one_hot[d][arch[d]] = 1;
    EXPECT_TRUE(torch::allclose(supernet->forward(x, full, one_hot), supernet->forward(x, arch), 1e-6, 1e-6))
        << Nb201Space().format(arch);
  }
}

TEST(Nb201Supernet, WeightedMaskPassesGradientsToTheWeightsAndRefusesBadOnes) {
  torch::manual_seed(42);
  Nb201Supernet supernet(small_config());
  const ChoiceMask full = Nb201Space().full_mask();
  torch::Tensor w = torch::full({6, 5}, 0.2, torch::requires_grad());
  supernet->forward(torch::randn({2, 3, 16, 16}), full, w).sum().backward();
  ASSERT_TRUE(w.grad().defined());
  // `none` outputs zeros, so its weight has no effect; every conv's has.
  for (int d = 0; d < 6; ++d) {
    EXPECT_EQ(w.grad()[d][Nb201Space::kNone].item<float>(), 0) << d;
    EXPECT_NE(w.grad()[d][Nb201Space::kConv3x3].item<float>(), 0) << d;
  }
  const torch::Tensor x = torch::randn({1, 3, 16, 16});
  EXPECT_THROW(supernet->forward(x, full, torch::ones({6, 4})), Error);
  EXPECT_THROW(supernet->forward(x, full, torch::ones({30})), Error);
  EXPECT_THROW(supernet->forward(x, full, torch::ones({6, 5}, torch::kInt64)), Error);
  EXPECT_THROW(supernet->forward(x, full, torch::full({6, 5}, std::nan(""))), Error);
}

TEST(Nb201Supernet, AlphaIsSeparateFromWeights) {
  Nb201Supernet supernet(small_config());
  EXPECT_EQ(supernet->alpha().sizes(), (std::vector<int64_t>{6, 5}));
  EXPECT_TRUE(torch::equal(supernet->alpha(), torch::zeros({6, 5})));
  EXPECT_TRUE(supernet->alpha().requires_grad());
  std::set<const void*> weights;
  for (const auto& w : supernet->weights()) weights.insert(w.unsafeGetTensorImpl());
  EXPECT_EQ(weights.count(supernet->alpha().unsafeGetTensorImpl()), 0u);
  std::set<const void*> all;
  for (const auto& p : supernet->parameters()) all.insert(p.unsafeGetTensorImpl());
  weights.insert(supernet->alpha().unsafeGetTensorImpl());
  EXPECT_EQ(weights, all);
  EXPECT_EQ(supernet->weights().size() + 1, supernet->parameters().size());
}

TEST(Nb201Supernet, GradientsReachOnlyTheChosenOps) {
  torch::manual_seed(5);
  Nb201Supernet supernet(small_config());
  const Architecture arch =
      Nb201Space().parse("|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|");
  supernet->forward(torch::randn({4, 3, 16, 16}), arch).pow(2).mean().backward();
  for (int i = 0; i < supernet->num_cells(); ++i) {
    for (int d = 0; d < 6; ++d) {
      for (int c = 0; c < 5; ++c) {
        for (const auto& p : supernet->cell(i)->op(d, c)->named_parameters()) {
          const torch::Tensor& g = p.value().grad();
          if (c == arch[d]) {
            ASSERT_TRUE(g.defined()) << "cell " << i << " edge " << d << " " << p.key();
            EXPECT_GT(g.abs().sum().item<double>(), 0) << "cell " << i << " edge " << d << " " << p.key();
          } else {
            EXPECT_TRUE(!g.defined() || g.abs().sum().item<double>() == 0)
                << "cell " << i << " edge " << d << " choice " << c << " " << p.key();
          }
        }
      }
    }
  }
  EXPECT_TRUE(supernet->named_parameters()["stem.0.weight"].grad().defined());
  EXPECT_TRUE(supernet->named_parameters()["head.classifier.weight"].grad().defined());
}

class CountingObserver : public OpObserver {
 public:
  void before_op(int d, int c, const torch::Tensor&) override { ++before[{d, c}]; }
  void after_op(int d, int c, const torch::Tensor&) override { ++after[{d, c}]; }
  void before_fixed(const std::string& part, const torch::Tensor&) override { parts.push_back(part); }
  void after_fixed(const std::string& part, const torch::Tensor&) override { parts.push_back(part); }
  std::map<std::pair<int, int>, int> before, after;
  std::vector<std::string> parts;
};

TEST(Nb201Supernet, ObserverSeesEveryOpOncePerCell) {
  Nb201Supernet supernet(small_config());
  CountingObserver observer;
  supernet->set_observer(&observer);
  const Architecture arch = test_architectures()[2];  // holds none edges
  torch::NoGradGuard no_grad;
  supernet->forward(torch::randn({1, 3, 16, 16}), arch);
  const int cells = 3 * small_config().cells_per_stage;
  EXPECT_EQ(observer.before.size(), 6u);
  for (int d = 0; d < 6; ++d) {
    EXPECT_EQ((observer.before[{d, arch[d]}]), cells);
    EXPECT_EQ((observer.after[{d, arch[d]}]), cells);
  }
  EXPECT_EQ(observer.parts, (std::vector<std::string>{"stem", "stem", "reduction1", "reduction1", "reduction2",
                                                      "reduction2", "head", "head"}));
  observer = CountingObserver();
  supernet->forward(torch::randn({1, 3, 16, 16}), Nb201Space().full_mask());
  EXPECT_EQ(observer.after.size(), 30u);
  for (const auto& [op, n] : observer.after) EXPECT_EQ(n, cells);
}

TEST(Nb201Supernet, RejectsBadPathsAndMasks) {
  Nb201Supernet supernet(small_config());
  const torch::Tensor x = torch::randn({1, 3, 16, 16});
  EXPECT_THROW(supernet->forward(x, Architecture{0, 1, 2}), Error);
  EXPECT_THROW(supernet->forward(x, Architecture{0, 1, 2, 3, 4, 5}), Error);
  EXPECT_THROW(supernet->forward(x, ChoiceMask(5, std::vector<bool>(5, true))), Error);
  EXPECT_THROW(supernet->forward(x, ChoiceMask(6, std::vector<bool>(4, true))), Error);
  ChoiceMask emptied = Nb201Space().full_mask();
  emptied[2].assign(5, false);
  EXPECT_THROW(supernet->forward(x, emptied), Error);
}

}  // namespace
}  // namespace prpnas::nn
