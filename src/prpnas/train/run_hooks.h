// What happens around each weight step of the training loop, as separate
// objects (ensmallen's optimiser callbacks do this): judging against the
// ground truth, the wall-time column, checkpoints, the progress line. The
// loop (train/supernet_training.cc) calls them in the order it holds them.
#ifndef PRPNAS_TRAIN_RUN_HOOKS_H_
#define PRPNAS_TRAIN_RUN_HOOKS_H_

#include <memory>
#include <optional>
#include <vector>

#include "prpnas/train/run_judgement.h"
#include "prpnas/train/supernet_run.h"
#include "prpnas/util/progress.h"

namespace prpnas::train {

class RunHook {
 public:
  virtual ~RunHook() = default;
  virtual void on_start(SupernetRun& run) { (void)run; }
  // After weight step run.state.step (counted, logged); `phase_end` when the
  // method's phase ended with it.
  virtual void after_step(SupernetRun& run, bool phase_end) = 0;
  virtual void on_finish(SupernetRun& run) { (void)run; }
};

// The judgement columns at phase ends and every evaluation.every steps.
class JudgeHook : public RunHook {
 public:
  explicit JudgeHook(const RunJudgement& judgement) : judgement_(judgement) {}
  void after_step(SupernetRun& run, bool phase_end) override;

 private:
  const RunJudgement& judgement_;
};

// The seconds column: wall time of the run so far, judging included.
class WallTimeHook : public RunHook {
 public:
  void after_step(SupernetRun& run, bool phase_end) override;
};

// A checkpoint at phase ends and every checkpoint.every steps (alpha
// recorded first in Step 2), and after the step in which SIGINT or SIGTERM
// arrived, which it then ends with Interrupted (util/interruption.h). In a
// distributed run, before each checkpoint, a checksum proves the supernet
// identical on every rank, and a signal to any rank stops all after the
// same step.
class CheckpointHook : public RunHook {
 public:
  void after_step(SupernetRun& run, bool phase_end) override;
};

// The progress line: rate and ETA on a terminal, plain lines otherwise.
class ProgressHook : public RunHook {
 public:
  void on_start(SupernetRun& run) override;
  void after_step(SupernetRun& run, bool phase_end) override;
  void on_finish(SupernetRun& run) override;

 private:
  std::optional<Progress> bar_;
};

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_RUN_HOOKS_H_
