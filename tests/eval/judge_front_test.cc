#include "prpnas/eval/judge_front.h"

#include <gtest/gtest.h>

#include "prpnas/pareto/front_quality.h"
#include "prpnas/pareto/hypervolume.h"

namespace prpnas::eval {
namespace {

// Two objectives, minimised; the truth is a staircase the found front misses a step of.
const pareto::Points kJudgedAll = {{0, 4}, {1, 2}, {3, 1}, {4, 4}, {2, 3}};
const pareto::Points kJudgedTruth = {{0, 4}, {1, 2}, {3, 1}};
const pareto::Points kJudgedFound = {{0, 4}, {3, 1}};

TEST(JudgeFrontTest, ReferencesAreTheWorstPointAndJustBehindTheFront) {
  const FrontReferences r = front_references(kJudgedAll, kJudgedTruth);
  EXPECT_EQ(r.worst, (pareto::Point{4, 4}));
  EXPECT_EQ(r.near_front, pareto::near_front_reference(kJudgedTruth));
}

TEST(JudgeFrontTest, FiguresAreThoseOfTheParetoFunctions) {
  const FrontReferences r = front_references(kJudgedAll, kJudgedTruth);
  const FrontFigures f = judge_front({kJudgedFound, kJudgedTruth}, r);
  EXPECT_EQ(f.hypervolume, pareto::hypervolume(kJudgedFound, r.worst));
  EXPECT_EQ(f.front_approximation, pareto::front_approximation(kJudgedFound, kJudgedTruth, r.worst));
  EXPECT_EQ(f.front_approximation_nadir, pareto::front_approximation(kJudgedFound, kJudgedTruth, r.near_front));
  EXPECT_EQ(f.igd, pareto::igd(kJudgedFound, kJudgedTruth));
  EXPECT_LT(f.front_approximation, 1);
}

TEST(JudgeFrontTest, NearFrontFigureMayCountOtherPoints) {
  const FrontReferences r = front_references(kJudgedAll, kJudgedTruth);
  const FrontFigures f = judge_front({kJudgedFound, kJudgedTruth}, {kJudgedTruth, kJudgedTruth}, r);
  EXPECT_DOUBLE_EQ(f.front_approximation_nadir, 1);
  EXPECT_EQ(f.front_approximation, pareto::front_approximation(kJudgedFound, kJudgedTruth, r.worst));
}

}  // namespace
}  // namespace prpnas::eval
