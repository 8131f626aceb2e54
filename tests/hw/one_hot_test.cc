#include "prpnas/hw/one_hot.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>

#include "prpnas/space/enumeration.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {
namespace {

// NB201's architecture at index i.
space::Architecture one_hot_arch(std::uint64_t i) {
  static const space::Nb201Space nb201;
  return space::Enumeration(nb201).at(i);
}

TEST(OneHot, Nb201HasThirtyFeatures) {
  const space::Nb201Space s;
  EXPECT_EQ(one_hot_width(s), 30);
  EXPECT_EQ(one_hot(s, one_hot_arch(0)).size(), 30u);
}

TEST(OneHot, ExactlyOneOnePerDecisionAtTheChoice) {
  const space::Nb201Space s;
  std::mt19937_64 rng(7);
  for (int i = 0; i < 200; ++i) {
    const space::Architecture a = space::sample_uniform(s, rng);
    const std::vector<float> f = one_hot(s, a);
    for (int d = 0; d < 6; ++d) {
      for (int c = 0; c < 5; ++c) {
        EXPECT_EQ(f[5 * d + c], c == a[d] ? 1.0f : 0.0f) << s.format(a) << " decision " << d << " choice " << c;
      }
    }
  }
}

TEST(OneHot, RowsAreTheSingleEncodingsInOrder) {
  const space::Nb201Space s;
  const std::vector<space::Architecture> archs = {one_hot_arch(0), one_hot_arch(15624), one_hot_arch(1234)};
  const std::vector<float> rows = one_hot_rows(s, archs);
  ASSERT_EQ(rows.size(), 90u);
  for (std::size_t i = 0; i < archs.size(); ++i) {
    EXPECT_EQ(std::vector<float>(rows.begin() + 30 * i, rows.begin() + 30 * (i + 1)), one_hot(s, archs[i]));
  }
  EXPECT_TRUE(one_hot_rows(s, {}).empty());
}

TEST(OneHot, RejectsArchitecturesNotOfTheSpace) {
  const space::Nb201Space s;
  EXPECT_THROW(one_hot(s, {0, 1, 2}), ParseError);
  EXPECT_THROW(one_hot(s, {0, 0, 0, 0, 0, 5}), ParseError);
}

}  // namespace
}  // namespace prpnas::hw
