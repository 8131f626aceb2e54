#include "prpnas/train/run_hooks.h"

#include <fmt/core.h>

#include "prpnas/dist/parameter_sync.h"
#include "prpnas/dist/process_group.h"
#include "prpnas/train/checkpoint.h"
#include "prpnas/train/methods/training_method.h"
#include "prpnas/train/run_tables.h"
#include "prpnas/util/interruption.h"
#include "prpnas/util/number_cell.h"

namespace prpnas::train {

void JudgeHook::after_step(SupernetRun& run, bool phase_end) {
  const int64_t every = run.options.evaluate_every;
  if (phase_end || (every > 0 && run.state.step % every == 0)) judgement_.judge(run, run.state.log.back());
}

void WallTimeHook::after_step(SupernetRun& run, bool) { run.state.log.back()[kSeconds] = number_cell(run.elapsed()); }

void CheckpointHook::after_step(SupernetRun& run, bool phase_end) {
  const bool scheduled = phase_end || run.state.step % run.options.checkpoint_every == 0;
  dist::ProcessGroup& group = dist::world();
  if (scheduled) {
    // W and alpha must have stayed the same on every rank: a cheap proof.
    dist::check_identical(group, run.synchronized_tensors(), "the supernet (weights, BN statistics or alpha)");
    if (run.in_step2()) record_alpha(run);
    save_checkpoint(run);
  }
  // Every rank stops after the same step, the first at which any saw a signal.
  if (const int signal = static_cast<int>(group.max(stop_signal(), "the stop signal"))) {
    if (!scheduled) save_checkpoint(run);
    throw Interrupted(signal, fmt::format("{}: stopped by {} at step {}/{}; checkpoint written, run the same "
                                          "command to resume",
                                          run.layout.dir(), signal_name(signal), run.state.step, run.plan.total()));
  }
}

void ProgressHook::on_start(SupernetRun& run) {
  bar_.emplace(run.method.name(), run.plan.total(), "step", run.progress, /*log_every_seconds=*/10,
               /*already_done=*/run.state.step);
}

void ProgressHook::after_step(SupernetRun& run, bool) {
  const LogRow& row = run.state.log.back();
  bar_->update(run.state.step, fmt::format("{} loss {} alive {}", row[kPhase], row[kWeightLoss], row[kAlive]));
}

void ProgressHook::on_finish(SupernetRun&) { bar_->finish(); }

}  // namespace prpnas::train
