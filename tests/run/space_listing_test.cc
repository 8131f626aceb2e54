#include "prpnas/run/space_listing.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "prpnas/space/chain_space.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"

namespace prpnas::run {
namespace {

// Every choice vector by nested counting, independent of space::Enumeration.
std::vector<space::Architecture> all_choice_vectors(const space::SearchSpace& s) {
  std::vector<space::Architecture> out;
  space::Architecture arch(s.num_decisions(), 0);
  while (true) {
    out.push_back(arch);
    int d = s.num_decisions() - 1;
    while (d >= 0 && ++arch[d] == static_cast<int>(s.choices(d).size())) arch[d--] = 0;
    if (d < 0) return out;
  }
}

std::vector<space::Architecture> listed(const space::SearchSpace& s, bool skip_degenerate) {
  std::vector<space::Architecture> out;
  enumerate_architectures(s, skip_degenerate, [&](const space::Architecture& a) { out.push_back(a); });
  return out;
}

TEST(SpaceListing, CountsAndListsMatchBruteForce) {
  const space::ChainSpace chain;
  const space::Nb201Space nb201;
  for (const space::SearchSpace* s : std::vector<const space::SearchSpace*>{&chain, &nb201}) {
    SpaceCounts expected;
    std::set<space::Architecture> allowed, sound;
    for (const auto& arch : all_choice_vectors(*s)) {
      ++expected.combinations;
      if (!s->is_valid(arch)) continue;
      ++expected.allowed;
      allowed.insert(arch);
      if (s->is_degenerate(arch)) {
        ++expected.degenerate;
      } else {
        sound.insert(arch);
      }
    }
    const SpaceCounts counts = count_space(*s);
    EXPECT_EQ(counts.combinations, expected.combinations) << s->name();
    EXPECT_EQ(counts.allowed, expected.allowed) << s->name();
    EXPECT_EQ(counts.degenerate, expected.degenerate) << s->name();
    const auto every = listed(*s, false), skipping = listed(*s, true);
    EXPECT_EQ(std::set<space::Architecture>(every.begin(), every.end()), allowed) << s->name();
    EXPECT_EQ(every.size(), allowed.size()) << s->name();
    EXPECT_EQ(std::set<space::Architecture>(skipping.begin(), skipping.end()), sound) << s->name();
  }
  EXPECT_EQ(count_space(chain).allowed, 60u);
  EXPECT_EQ(count_space(nb201).allowed - count_space(nb201).degenerate, 15284u);
}

std::vector<space::Architecture> drawn(const space::SearchSpace& s, const SampleRequest& r) {
  std::vector<space::Architecture> out;
  sample_architectures(s, r, [&](const space::Architecture& a) { out.push_back(a); });
  return out;
}

TEST(SpaceListing, SamplesAreSeededAllowedAndUniqueOnRequest) {
  const space::ChainSpace chain;
  SampleRequest r{200, 3, false, false};
  const auto a = drawn(chain, r);
  EXPECT_EQ(a.size(), 200u);
  EXPECT_EQ(drawn(chain, r), a);
  for (const auto& arch : a) EXPECT_TRUE(chain.is_valid(arch));
  r.seed = 4;
  EXPECT_NE(drawn(chain, r), a);

  r.unique = true;
  r.count = 60;  // every allowed architecture of chain
  const auto all = drawn(chain, r);
  EXPECT_EQ(std::set<space::Architecture>(all.begin(), all.end()).size(), 60u);

  r.count = 61;
  std::size_t emitted = 0;
  EXPECT_THROW(sample_architectures(chain, r, [&](const space::Architecture&) { ++emitted; }), ConfigError);
  EXPECT_EQ(emitted, 0u);

  const space::Nb201Space nb201;
  const auto sound = drawn(nb201, {300, 1, true, false});
  for (const auto& arch : sound) EXPECT_FALSE(nb201.is_degenerate(arch));
}

}  // namespace
}  // namespace prpnas::run
