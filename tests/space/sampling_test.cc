#include "prpnas/space/sampling.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "prpnas/space/choice_mask.h"
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

}  // namespace
}  // namespace prpnas::space
