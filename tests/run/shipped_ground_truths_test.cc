// The ground truths the repository ships for DARTS and ProxylessNAS took
// core-hours each and were written over several sessions: its rows must be the
// architectures of archs.txt, each once (in the order two jobs finished them),
// with plausible accuracies, and the seed-1 repeat the first 20 of them at the
// same fidelity.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "prpnas/eval/standalone.h"
#include "prpnas/run/run_directory.h"
#include "prpnas/space/architecture_file.h"
#include "prpnas/space/search_space.h"

namespace prpnas::run {
namespace {

class ShippedGroundTruth : public ::testing::TestWithParam<const char*> {};

TEST_P(ShippedGroundTruth, HoldsEveryArchitectureOnceAtOneFidelity) {
  const std::string name = GetParam();
  const std::string dir = std::string(PRPNAS_SOURCE_DIR) + "/data/ground_truth/" + name + "/";
  const auto space = space::make_search_space(name);
  const std::vector<space::Architecture> listed = space::read_architecture_file(dir + "archs.txt", *space);
  ASSERT_EQ(listed.size(), 100u);

  const auto truth = read_scored(dir + name + "_fashion-mnist.csv", *space, "truth");
  const auto repeat = read_scored(dir + "seed1_first20.csv", *space, "repeat");
  auto sorted_formats = [&](const std::vector<space::Architecture>& list, std::size_t count) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i) out.push_back(space->format(list[i]));
    std::sort(out.begin(), out.end());
    return out;
  };
  ASSERT_EQ(truth.archs.size(), listed.size());
  ASSERT_EQ(repeat.archs.size(), 20u);
  EXPECT_EQ(sorted_formats(truth.archs, truth.archs.size()), sorted_formats(listed, listed.size()));
  EXPECT_EQ(sorted_formats(repeat.archs, 20), sorted_formats(listed, 20));
  for (std::size_t i = 0; i < truth.accuracy.size(); ++i) {
    EXPECT_TRUE(std::isfinite(truth.accuracy[i]) && truth.accuracy[i] > 50 && truth.accuracy[i] <= 100)
        << "row " << i + 1 << ": " << truth.accuracy[i];
  }

  eval::Fidelity seed0 = eval::Fidelity::from_json(eval::read_fidelity_json(dir + name + "_fashion-mnist.csv"));
  eval::Fidelity seed1 = eval::Fidelity::from_json(eval::read_fidelity_json(dir + "seed1_first20.csv"));
  EXPECT_EQ(seed0.space, name);
  EXPECT_EQ(seed0.train.seed, 0u);
  EXPECT_EQ(seed1.train.seed, 1u);
  seed1.train.seed = seed0.train.seed;
  EXPECT_EQ(seed1.to_json(), seed0.to_json());
}

INSTANTIATE_TEST_SUITE_P(Spaces, ShippedGroundTruth, ::testing::Values("darts", "proxyless"));

}  // namespace
}  // namespace prpnas::run
