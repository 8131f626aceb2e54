// A supernet training run in progress, as its method and hooks see it: the
// inputs, the tensors (supernet, both optimisers, batch stream, evaluator),
// the state a checkpoint keeps, and shared-weight estimates remembered until
// the weights move. It decides nothing: the method (train/methods/) does
// the steps, the hooks (train/run_hooks.h) judge, log and checkpoint, and
// train/supernet_training.cc runs the loop.
#ifndef PRPNAS_TRAIN_SUPERNET_RUN_H_
#define PRPNAS_TRAIN_SUPERNET_RUN_H_

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "prpnas/data/image_dataset.h"
#include "prpnas/nn/supernet.h"
#include "prpnas/train/alpha_trainer.h"
#include "prpnas/train/batches.h"
#include "prpnas/train/run_layout.h"
#include "prpnas/train/run_objectives.h"
#include "prpnas/train/run_state.h"
#include "prpnas/train/supernet_evaluator.h"
#include "prpnas/train/training_inputs.h"
#include "prpnas/train/training_plan.h"

namespace prpnas::train {

class TrainingMethod;

struct SupernetRun {
  // A fresh run: the supernet seeded with options.seed, every choice alive.
  SupernetRun(const data::DatasetSplits& data, const TrainingInputs& inputs, const TrainingOptions& options,
              const TrainingMethod& method, RunLayout layout, std::FILE* progress);
  SupernetRun(const SupernetRun&) = delete;
  SupernetRun& operator=(const SupernetRun&) = delete;

  const TrainingInputs& inputs;
  const TrainingOptions options;
  const TrainingMethod& method;
  const RunLayout layout;
  std::FILE* const progress;
  const RunObjectives objectives;
  const std::shared_ptr<nn::Supernet> supernet;
  const space::SearchSpace& space;
  const StepPlan plan;
  torch::optim::SGD sgd;
  AlphaTrainer alpha;
  BatchStream stream;
  SupernetEvaluator evaluator;
  RunState state;
  pareto::Points pool_points;  // the pool's minimised objective vectors
  int64_t checkpointed_step = 0;  // the step the checkpoint on disk holds

  // A line on the progress stream (nothing without one).
  void say(const std::string& line) const;
  // Wall seconds of this run over all its processes.
  double elapsed() const { return seconds_before_ + seconds_since(started_); }
  void resume_clock(double seconds_before);
  static double seconds_since(std::chrono::steady_clock::time_point start);

  int alive_count() const;
  // Step 2 or later of a method that trains alpha.
  bool in_step2() const;

  // Shared-weight accuracies, remembered until forget_estimates() (the
  // final judgement and the final front often ask for the same ones).
  std::vector<double> accuracies(const std::vector<space::Architecture>& archs);
  // Minimised objective vectors of `archs` (shared weights + cost tables).
  pareto::Points estimate(const std::vector<space::Architecture>& archs, std::vector<double>& accuracy);
  void forget_estimates() { accuracy_cache_.clear(); }

  // What must be bit-identical on every rank of a distributed run: the
  // supernet's parameters (alpha is one) and buffers.
  std::vector<torch::Tensor> synchronized_tensors() const;

  // Sets state.pool and pool_points.
  void set_pool(ScoredArchitectures pool);

 private:
  std::map<space::Architecture, double> accuracy_cache_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  double seconds_before_ = 0;  // of earlier processes of this run
};

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_SUPERNET_RUN_H_
