#include "prpnas/search/evaluation_cache.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "prpnas/pareto/point.h"
#include "prpnas/search/search_result.h"
#include "prpnas/util/error.h"

namespace prpnas::search {
namespace {

using space::Architecture;

std::vector<double> objectives_of(const Architecture& arch) {
  double sum = 0;
  for (int c : arch) sum += c;
  return {sum, -static_cast<double>(arch[0])};
}

// objectives_of, counting the calls.
Estimator counting(int* calls) {
  return [calls](const Architecture& arch) {
    ++*calls;
    return objectives_of(arch);
  };
}

TEST(EvaluationCache, RepeatsAreFreeAndTheBudgetCountsDistinctArchitectures) {
  int calls = 0;
  EvaluationCache cache(counting(&calls), 3);
  const Architecture a{1, 2}, b{0, 0}, c{2, 1}, d{3, 3};
  EXPECT_EQ(cache.budget(), 3u);
  EXPECT_FALSE(cache.contains(a));
  const auto first = cache.evaluate(a);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(*first, objectives_of(a));
  EXPECT_TRUE(cache.contains(a));
  for (int repeat = 0; repeat < 5; ++repeat) EXPECT_EQ(cache.evaluate(a), first);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(cache.calls(), 1u);
  ASSERT_TRUE(cache.evaluate(b));
  ASSERT_TRUE(cache.evaluate(c));
  EXPECT_EQ(calls, 3);
  EXPECT_TRUE(cache.exhausted());

  // Past the budget: a new architecture is refused without a call, a known one stays free.
  EXPECT_FALSE(cache.evaluate(d).has_value());
  EXPECT_FALSE(cache.contains(d));
  EXPECT_EQ(cache.evaluate(b), objectives_of(b));
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(cache.calls(), 3u);

  EXPECT_EQ(cache.architectures(), (std::vector<Architecture>{a, b, c}));
  ASSERT_EQ(cache.objectives().size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(cache.objectives()[i], objectives_of(cache.architectures()[i]));
}

TEST(EvaluationCache, ZeroBudgetEvaluatesNothing) {
  int calls = 0;
  EvaluationCache cache(counting(&calls), 0);
  EXPECT_TRUE(cache.exhausted());
  EXPECT_FALSE(cache.evaluate({0, 0}).has_value());
  EXPECT_EQ(calls, 0);
  const SearchResult result = make_search_result(cache);
  EXPECT_TRUE(result.evaluated.empty());
  EXPECT_TRUE(result.front.empty());
  EXPECT_EQ(result.calls, 0u);
}

TEST(EvaluationCache, RejectsNanAndChangingSizesNamingTheArchitecture) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EvaluationCache cache(
      [&](const Architecture& arch) -> std::vector<double> {
        if (arch[0] == 7) return {1.0, nan};
        if (arch[0] == 8) return {1.0, 2.0, 3.0};
        if (arch[0] == 9) return {};
        return {1.0, 2.0};
      },
      10);
  ASSERT_TRUE(cache.evaluate({0, 5}));
  const auto message_of = [&](const Architecture& arch) {
    try {
      cache.evaluate(arch);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string nan_message = message_of({7, 4});
  EXPECT_NE(nan_message.find("[7, 4]"), std::string::npos) << nan_message;
  EXPECT_NE(nan_message.find("NaN"), std::string::npos) << nan_message;
  EXPECT_NE(nan_message.find("call 1"), std::string::npos) << nan_message;
  const std::string size_message = message_of({8, 1});
  EXPECT_NE(size_message.find("[8, 1]"), std::string::npos) << size_message;
  EXPECT_NE(size_message.find("3 objectives"), std::string::npos) << size_message;
  EXPECT_NE(message_of({9, 9}).find("[9, 9]"), std::string::npos);
  // Nothing was stored or spent by the failures.
  EXPECT_EQ(cache.calls(), 1u);
  EXPECT_FALSE(cache.contains({7, 4}));
  EXPECT_TRUE(cache.evaluate({1, 1}));
  EXPECT_EQ(cache.calls(), 2u);
  EXPECT_THROW(EvaluationCache(Estimator{}, 1), Error);
  // Infinity is an ordinary value.
  EvaluationCache infinite([](const Architecture&) { return std::vector<double>{INFINITY}; }, 1);
  EXPECT_TRUE(infinite.evaluate({0}));
}

TEST(SearchResult, FrontIsTheNonDominatedEvaluatedInEvaluationOrder) {
  // Objectives read from the architecture itself: {arch[0], arch[1]}.
  EvaluationCache cache([](const Architecture& a) { return std::vector<double>{1.0 * a[0], 1.0 * a[1]}; }, 100);
  const std::vector<Architecture> order = {{3, 3}, {4, 0}, {2, 5}, {1, 6}, {3, 3}, {2, 2}, {0, 9}, {5, 5}, {1, 6}};
  for (const Architecture& a : order) cache.evaluate(a);
  const SearchResult result = make_search_result(cache);
  EXPECT_EQ(result.evaluated, cache.architectures());
  EXPECT_EQ(result.objectives, cache.objectives());
  EXPECT_EQ(result.calls, 7u);  // two repeats
  // Brute force: evaluated points no other evaluated point dominates.
  std::vector<Architecture> expected;
  for (std::size_t i = 0; i < result.evaluated.size(); ++i) {
    bool dominated = false;
    for (std::size_t j = 0; j < result.evaluated.size(); ++j) {
      dominated = dominated || pareto::dominates(result.objectives[j], result.objectives[i]);
    }
    if (!dominated) expected.push_back(result.evaluated[i]);
  }
  EXPECT_EQ(result.front, expected);
  EXPECT_LT(result.front.size(), result.evaluated.size());
}

}  // namespace
}  // namespace prpnas::search
