#include "prpnas/space/sampling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "prpnas/space/choice_mask.h"
#include "prpnas/space/enumeration.h"
#include "prpnas/util/error.h"

namespace prpnas::space {
namespace {

// The draw NB201 made before validity existed: the seeds of every run and
// fixture depend on it.
Architecture legacy_uniform_draw(const SearchSpace& space, std::mt19937_64& rng) {
  Architecture arch(space.num_decisions());
  for (int d = 0; d < space.num_decisions(); ++d) {
    std::uniform_int_distribution<int> choice(0, static_cast<int>(space.choices(d).size()) - 1);
    arch[d] = choice(rng);
  }
  return arch;
}

// Chi-square of `counts` against the uniform distribution over `keys` keys
// (the callers check that every counted key is one of them).
double chi_square_uniform(const std::map<Architecture, int>& counts, std::size_t keys, int draws) {
  const double expected = static_cast<double>(draws) / static_cast<double>(keys);
  double chi2 = 0;
  for (const auto& [arch, n] : counts) chi2 += (n - expected) * (n - expected) / expected;
  chi2 += static_cast<double>(keys - counts.size()) * expected;  // keys never drawn
  return chi2;
}

// Every valid architecture of `space` using only alive choices, by brute force.
std::set<Architecture> brute_force_valid(const SearchSpace& space, const ChoiceMask& alive) {
  std::set<Architecture> valid;
  const Enumeration all(space);
  for (std::uint64_t i = 0; i < all.size(); ++i) {
    const Architecture arch = all.at(i);
    if (space.is_valid(arch) && uses_only_alive(alive, arch)) valid.insert(arch);
  }
  return valid;
}

TEST(Sampling, Nb201UniformDrawsAreThoseOfBefore) {
  const auto nb201 = make_search_space("nb201");
  std::mt19937_64 now(42), before(42);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(sample_uniform(*nb201, now), legacy_uniform_draw(*nb201, before));
  EXPECT_EQ(now(), before());  // no extra number drawn
}

TEST(Sampling, Nb201DistinctSampleIsThatOfBefore) {
  const auto nb201 = make_search_space("nb201");
  std::mt19937_64 rng(7);
  std::set<Architecture> seen;
  std::vector<Architecture> before;
  while (before.size() < 300) {
    const Architecture arch = legacy_uniform_draw(*nb201, rng);
    if (seen.insert(arch).second) before.push_back(arch);
  }
  EXPECT_EQ(distinct_sample(*nb201, 300, 7), before);
  EXPECT_EQ(distinct_sample(*nb201, 20000, 7).size(), 15625u);  // all of them
  EXPECT_TRUE(distinct_sample(*nb201, 0, 7).empty());
}

TEST(Sampling, SampleAliveDrawsEveryAliveChoiceAndNoDeadOne) {
  const auto space = make_search_space("nb201");
  ChoiceMask alive = space->full_mask();
  alive[0] = {false, true, false, true, false};
  alive[5] = {false, false, false, false, true};
  std::mt19937_64 rng(3);
  std::vector<std::set<int>> seen(6);
  for (int i = 0; i < 2000; ++i) {
    const Architecture a = sample_alive(*space, alive, rng);
    ASSERT_TRUE(uses_only_alive(alive, a));
    for (int d = 0; d < 6; ++d) seen[d].insert(a[d]);
  }
  EXPECT_EQ(seen[0], (std::set<int>{1, 3}));
  EXPECT_EQ(seen[5], (std::set<int>{4}));
  EXPECT_EQ(seen[2].size(), 5u);
  // Same seed, same architectures; draws are rng() % n (portable), none extra.
  std::mt19937_64 a(42), b(42), c(42);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(sample_alive(*space, alive, a), sample_alive(*space, alive, b));
  const Architecture first = sample_alive(*space, alive, c);
  std::mt19937_64 raw(42);
  const std::vector<int> d0 = {1, 3};
  EXPECT_EQ(first[0], d0[raw() % 2]);
  EXPECT_EQ(first[1], static_cast<int>(raw() % 5));
  for (int d = 2; d < 6; ++d) raw();
  EXPECT_EQ(c(), raw());
  alive[2].assign(5, false);
  EXPECT_THROW(sample_alive(*space, alive, rng), ConfigError);
}

TEST(Sampling, ChainUniformDrawIsUniformOverTheSixtyValid) {
  const auto chain = make_search_space("chain");
  const std::set<Architecture> valid = brute_force_valid(*chain, chain->full_mask());
  ASSERT_EQ(valid.size(), 60u);
  constexpr int kDraws = 60000;
  std::mt19937_64 rng(2025);
  std::map<Architecture, int> counts;
  for (int i = 0; i < kDraws; ++i) {
    const Architecture arch = sample_uniform(*chain, rng);
    ASSERT_EQ(valid.count(arch), 1u) << chain->format(arch);
    ++counts[arch];
  }
  // 59 degrees of freedom: mean 59, sd ~10.9; a uniform sampler passes
  // 59 + 8 sd with probability far above 1 - 1e-6, a sampler that missed
  // the rejection (invalid draws mapped elsewhere) or skewed it does not.
  EXPECT_EQ(counts.size(), 60u);
  EXPECT_LT(chi_square_uniform(counts, 60, kDraws), 59 + 8 * 10.9);
}

TEST(Sampling, ChainSampleAliveIsUniformOverTheValidAliveOnes) {
  const auto chain = make_search_space("chain");
  ChoiceMask alive = chain->full_mask();
  alive[1] = {false, true, true};  // layer 2: conv5x5 or skip
  alive[3] = {false, true, true, true};
  const std::set<Architecture> valid = brute_force_valid(*chain, alive);
  // 2 x 2 x 3 x 3 = 36 alive; skip-skip at layers 2-3 in 6, at 3-4 in 4, at both in 2.
  ASSERT_EQ(valid.size(), 36u - (6 + 4 - 2));
  EXPECT_EQ(valid.size(), valid_alive_size(*chain, alive));
  constexpr int kDraws = 40000;
  std::mt19937_64 rng(9);
  std::map<Architecture, int> counts;
  for (int i = 0; i < kDraws; ++i) {
    const Architecture arch = sample_alive(*chain, alive, rng);
    ASSERT_EQ(valid.count(arch), 1u) << chain->format(arch);
    ++counts[arch];
  }
  const double df = static_cast<double>(valid.size()) - 1;
  EXPECT_EQ(counts.size(), valid.size());
  EXPECT_LT(chi_square_uniform(counts, valid.size(), kDraws), df + 8 * std::sqrt(2 * df));
}

TEST(Sampling, ChainDistinctSampleStopsAtTheValidOnes) {
  const auto chain = make_search_space("chain");
  const std::vector<Architecture> all = distinct_sample(*chain, 100, 3);
  EXPECT_EQ(std::set<Architecture>(all.begin(), all.end()), brute_force_valid(*chain, chain->full_mask()));
  EXPECT_EQ(all.size(), 60u);
  EXPECT_EQ(distinct_sample(*chain, 10, 3), std::vector<Architecture>(all.begin(), all.begin() + 10));
}

// The skips of one architecture: how deep a ProxylessNAS network is.
int skips(const SearchSpace& space, const Architecture& arch) {
  int n = 0;
  for (int d = 0; d < space.num_decisions(); ++d) n += space.choices(d)[arch[d]] == "skip";
  return n;
}

double variance(const std::vector<double>& xs) {
  double mean = 0, square = 0;
  for (double x : xs) mean += x / static_cast<double>(xs.size());
  for (double x : xs) square += (x - mean) * (x - mean) / static_cast<double>(xs.size() - 1);
  return square;
}

TEST(Sampling, MixedDrawsSpreadProxylessDepthFarBeyondUniformDraws) {
  const auto space = make_search_space("proxyless");
  std::mt19937_64 rng(11);
  std::vector<double> uniform, mixed;
  for (int i = 0; i < 2000; ++i) {
    uniform.push_back(skips(*space, sample_uniform(*space, rng)));
    mixed.push_back(skips(*space, sample_mixed(*space, 0.3, rng)));
  }
  // Uniform: 15 skippable layers, skip with 1/7 each: variance 15/7 x 6/7 =
  // 1.84. Mixed: each architecture's skip share is its own Beta(0.3, 1.8)
  // draw, variance about 225 x 0.044 + 1.3 = 11; 3x is far from both.
  EXPECT_NEAR(variance(uniform), 15.0 / 7 * 6 / 7, 0.3);
  EXPECT_GT(variance(mixed), 3 * variance(uniform));
  // Both shallowest and deepest networks occur, which 2,000 uniform draws
  // almost never give (P(no skip) = (6/7)^15 = 0.1 per draw, P(>= 12) < 1e-7).
  EXPECT_GT(*std::max_element(mixed.begin(), mixed.end()), 12);
  EXPECT_LE(*std::max_element(uniform.begin(), uniform.end()), 11);
}

TEST(Sampling, MixedDrawsAreValidSeededAndNearUniformAtLargeConcentration) {
  const auto chain = make_search_space("chain");
  const std::set<Architecture> valid = brute_force_valid(*chain, chain->full_mask());
  constexpr int kDraws = 60000;
  std::mt19937_64 rng(2026);
  std::map<Architecture, int> counts;
  for (int i = 0; i < kDraws; ++i) {
    const Architecture arch = sample_mixed(*chain, 1e4, rng);
    ASSERT_EQ(valid.count(arch), 1u) << chain->format(arch);  // the rule holds
    ++counts[arch];
  }
  // Dirichlet(1e4) weights differ by about 1 %: as in the uniform test.
  EXPECT_EQ(counts.size(), 60u);
  EXPECT_LT(chi_square_uniform(counts, 60, kDraws), 59 + 8 * 10.9);
  std::mt19937_64 a(5), b(5);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(sample_mixed(*chain, 0.3, a), sample_mixed(*chain, 0.3, b));
  for (double bad : {0.0, -1.0, std::nan("")}) EXPECT_THROW(sample_mixed(*chain, bad, rng), Error);
}

TEST(Sampling, AMaskThatAdmitsNothingValidIsAnError) {
  const auto chain = make_search_space("chain");
  ChoiceMask alive = chain->full_mask();
  alive[1] = {false, false, true};
  alive[2] = {false, false, true};
  std::mt19937_64 rng(1);
  try {
    sample_alive(*chain, alive, rng);
    FAIL() << "no throw";
  } catch (const ConfigError& error) {
    FAIL() << "a valid mask, not a ConfigError: " << error.what();
  } catch (const Error& error) {
    const std::string message = error.what();
    EXPECT_EQ(message,
              "search space 'chain': 10000 draws in a row gave no valid architecture; the alive choices admit no "
              "valid architecture (or almost none)");
  }
}

}  // namespace
}  // namespace prpnas::space

namespace prpnas::space {
namespace {

// The working sample is distinct_sample's draws with degenerate ones skipped:
// the same order, never a degenerate cell, and all of them when asked.
TEST(DistinctWorkingSample, SkipsDegenerateArchitecturesKeepingTheDrawOrder) {
  const auto space_ptr = make_search_space("nb201");
  const SearchSpace& space = *space_ptr;
  const std::vector<Architecture> all = distinct_sample(space, 2000, 5);
  std::vector<Architecture> working;
  for (const auto& arch : all) {
    if (!space.is_degenerate(arch)) working.push_back(arch);
  }
  ASSERT_LT(working.size(), all.size());  // 2000 uniform cells hold some of the 341 degenerate ones
  const std::vector<Architecture> sample = distinct_working_sample(space, working.size(), 5);
  EXPECT_EQ(sample, working);
  EXPECT_EQ(distinct_working_sample(space, 15284, 1).size(), 15284u);  // every working NB201 cell
  EXPECT_THROW(distinct_working_sample(space, 15285, 1), Error);
}

}  // namespace
}  // namespace prpnas::space
