// RunState is the value a checkpoint keeps: it must come back equal.
#include "prpnas/train/run_state.h"

#include <gtest/gtest.h>

#include "prpnas/space/chain_space.h"

namespace prpnas::train {
namespace {

TEST(RunState, EncodesAndDecodesEveryField) {
  const space::ChainSpace space;
  RunState s = RunState::start(space, 9);
  s.rng.discard(17);
  s.step = 12;
  s.finished = true;
  s.alive[3][2] = false;
  s.pruned_at[3][2] = 11;
  s.pool = {{{0, 0, 1, 3}, {1, 2, 0, 1}}, {71.5, 64.25}};
  s.log = {{"1", "fairness"}, {"2", "pareto-rank"}};
  s.alpha_history = {{"12", "layer 1", "conv3x3", "0.5", "1"}};
  s.seconds = {30, 10, 5, 4, 11};
  s.front = {20, 1, 0.42, {{{1, 2, 0, 3}, 70.0, {1.5, 22.5}, 68.0}, {{0, 0, 0, 0}, 72.0, {2.5, 37.5}, std::nullopt}}};

  const RunState t = RunState::from_json(nlohmann::json::parse(s.to_json(space).dump()), space);
  EXPECT_EQ(t.step, 12);
  EXPECT_TRUE(t.finished);
  EXPECT_EQ(t.alive, s.alive);
  EXPECT_EQ(t.pruned_at, s.pruned_at);
  EXPECT_EQ(t.rng, s.rng);  // the engine's whole state
  EXPECT_EQ(t.pool.archs, s.pool.archs);
  EXPECT_EQ(t.pool.accuracy, s.pool.accuracy);
  EXPECT_EQ(t.log, s.log);
  EXPECT_EQ(t.alpha_history, s.alpha_history);
  EXPECT_EQ(t.seconds.evaluation, 11);
  ASSERT_EQ(t.front.members.size(), 2u);
  EXPECT_EQ(t.front.members[0].arch, (space::Architecture{1, 2, 0, 3}));
  EXPECT_EQ(t.front.members[0].costs, (std::vector<double>{1.5, 22.5}));
  EXPECT_EQ(t.front.members[0].true_accuracy, 68.0);
  EXPECT_FALSE(t.front.members[1].true_accuracy.has_value());
  EXPECT_EQ(t.front.hypervolume, 0.42);
}

TEST(RunState, AFinishedStateWithoutItsFrontIsRefused) {
  const space::ChainSpace space;
  RunState s = RunState::start(space, 1);
  s.finished = true;
  nlohmann::json j = s.to_json(space);
  j["front"].erase("members");
  EXPECT_THROW(RunState::from_json(j, space), std::exception);
}

}  // namespace
}  // namespace prpnas::train
