#include "prpnas/train/training_plan.h"

#include <gtest/gtest.h>

#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

// prp-coupled's Step 2 step runs two paths' ops: 2 B path-images.
int64_t path_images(const StepPlan& plan, const TrainingOptions& o) {
  const int64_t task = o.method == Method::kPrpCoupled ? 2 : 1;
  return plan.fairness_steps * o.batch_size * 5 + plan.single_path_steps * o.batch_size * task;
}

TEST(TrainingPlan, EveryMethodSpendsTheSameBudgetToWithinOneStep) {
  for (int64_t budget : {5000, 96000, 123457}) {
    for (int64_t batch : {7, 32, 64}) {
      for (Method m : {Method::kPrp, Method::kPrpNoPruning, Method::kPrpCoupled, Method::kFairnas, Method::kSpos}) {
        TrainingOptions o;
        o.method = m;
        o.batch_size = batch;
        o.budget_images = budget;
        o.fairness_share = 0.3;
        const StepPlan plan = plan_steps(o, 5);
        const int64_t used = path_images(plan, o);
        EXPECT_LE(used, budget);
        EXPECT_GT(used, budget - 5 * batch) << method_name(m) << " leaves more than a step unused";
        if (m == Method::kFairnas) {
          EXPECT_EQ(plan.single_path_steps, 0);
        }
        if (m == Method::kSpos) {
          EXPECT_EQ(plan.fairness_steps, 0);
        }
        if (m == Method::kPrp || m == Method::kPrpCoupled) {
          // Step 1 takes the share (to within one step), Step 2 the rest.
          EXPECT_NEAR(plan.fairness_steps * batch * 5, 0.3 * budget, 5 * batch);
          EXPECT_GT(plan.single_path_steps, 0);
        }
        if (m == Method::kPrpCoupled) {
          TrainingOptions prp = o;
          prp.method = Method::kPrp;
          const StepPlan single = plan_steps(prp, 5);
          EXPECT_EQ(plan.fairness_steps, single.fairness_steps);
          EXPECT_NEAR(plan.single_path_steps, single.single_path_steps / 2.0, 1) << "half the Step 2 iterations";
        }
      }
    }
  }
}

TEST(TrainingPlan, MethodNamesRoundTripAndUnknownOnesAreRefused) {
  for (Method m : {Method::kPrp, Method::kPrpNoPruning, Method::kPrpCoupled, Method::kFairnas, Method::kSpos}) {
    EXPECT_EQ(parse_method(method_name(m)), m);
  }
  try {
    parse_method("darts");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("prp, prp-no-pruning, prp-coupled, fairnas, spos"), std::string::npos);
  }
}

TEST(TrainingPlan, BadFieldsAreNamed) {
  auto expect_field = [](auto change, const std::string& field) {
    TrainingOptions o;
    change(o);
    try {
      o.check();
      plan_steps(o, 5);
      ADD_FAILURE() << field << " accepted";
    } catch (const ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find(field), std::string::npos) << e.what();
    }
  };
  expect_field([](TrainingOptions& o) { o.batch_size = 0; }, "training.batch_size");
  expect_field([](TrainingOptions& o) { o.fairness_share = 1.5; }, "training.fairness_share");
  expect_field([](TrainingOptions& o) { o.sgd.learning_rate = -1; }, "training.learning_rate");
  expect_field([](TrainingOptions& o) { o.prune_worst_fraction = 2; }, "pruning.worst_fraction");
  expect_field([](TrainingOptions& o) { o.rank_pool = 3; }, "ranking.pool");
  expect_field([](TrainingOptions& o) { o.checkpoint_every = 0; }, "checkpoint.every");
  expect_field([](TrainingOptions& o) { o.alpha.top_n = 0; }, "top_n");
  // A budget too small for one Step 2 iteration after Step 1.
  expect_field([](TrainingOptions& o) { o.budget_images = 320, o.batch_size = 64, o.fairness_share = 1; },
               "fairness_share");
  expect_field([](TrainingOptions& o) { o.budget_images = 10; }, "budget_images");
}

}  // namespace
}  // namespace prpnas::train
