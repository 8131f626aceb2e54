#include "prpnas/train/supernet_training.h"

#include <filesystem>

#include <fmt/core.h>

#include "prpnas/dist/parameter_sync.h"
#include "prpnas/dist/process_group.h"
#include "prpnas/train/checkpoint.h"
#include "prpnas/train/methods/training_method.h"
#include "prpnas/train/run_hooks.h"
#include "prpnas/train/run_judgement.h"
#include "prpnas/train/supernet_run.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/error.h"
#include "prpnas/util/number_cell.h"

namespace prpnas::train {
namespace {

void check_inputs(const TrainingInputs& inputs, const TrainingOptions& options) {
  options.check();
  if (inputs.truth.archs.size() != inputs.truth.accuracy.size() ||
      inputs.rank_table.archs.size() != inputs.rank_table.accuracy.size()) {
    throw Error("supernet training: ground truth and rank table need one accuracy per architecture");
  }
  if (!inputs.rank_table.empty() && inputs.rank_table.archs.size() < static_cast<std::size_t>(options.alpha.top_n)) {
    throw ConfigError(fmt::format("ranking.table holds {} architectures, fewer than alpha.top_n = {}",
                                  inputs.rank_table.archs.size(), options.alpha.top_n));
  }
}

// Weight step state.step + 1 at the cosine rate, logged as a new row.
void weight_step(SupernetRun& run) {
  LogRow row(kLogHeader.size());
  row[kStep] = std::to_string(run.state.step + 1);
  const double rate = cosine_learning_rate(run.options.sgd.learning_rate, run.state.step, run.plan.total());
  set_learning_rate(run.sgd, rate);
  row[kRate] = number_cell(rate);
  run.forget_estimates();  // W is about to change
  try {
    row[kWeightLoss] = number_cell(run.method.step(run, row).mean_loss());
  } catch (const Error& e) {
    throw Error(fmt::format("{} (run stopped at step {}; the checkpoint in {} is from step {}, before it)", e.what(),
                            run.state.step + 1, run.layout.dir(), run.checkpointed_step));
  }
  row[kAlive] = std::to_string(run.alive_count());
  run.state.log.push_back(std::move(row));
}

TrainingSummary summary(const SupernetRun& run, const RunJudgement& judgement) {
  TrainingSummary s;
  s.method = run.method.name();
  s.objectives = run.objectives.objectives();
  s.steps = run.plan;
  s.path_images = (run.plan.fairness_steps * space::fairness_width(run.space) + run.plan.single_path_steps) *
                  run.options.batch_size;
  s.alpha_steps = run.alpha.steps();
  s.alive_choices = run.alive_count();
  s.seconds = run.state.seconds;
  s.seconds.total = run.elapsed();
  s.last = last_judgement(run.state.log);
  s.kendall_cost_only = judgement.kendall_cost_only();
  s.truth_architectures = run.inputs.truth.archs.size();
  s.front = run.state.front;
  s.uniform_front = run.state.uniform_front;
  return s;
}

}  // namespace

TrainingSummary run_supernet_training(const data::DatasetSplits& data, const TrainingInputs& inputs,
                                      const TrainingOptions& options, const std::string& run_dir,
                                      std::FILE* progress) {
  check_inputs(inputs, options);
  const std::unique_ptr<TrainingMethod> method = make_training_method(options.method);
  SupernetRun run(data, inputs, options, *method, RunLayout(run_dir), progress);
  const RunJudgement judgement(run);
  std::filesystem::create_directories(run_dir);
  // Every rank does what rank 0 sees: it alone writes the run directory.
  dist::ProcessGroup& group = dist::world();
  const bool resume = std::filesystem::exists(run.layout.checkpoint()) ||
                      std::filesystem::exists(run.layout.previous_checkpoint());
  if (group.from_rank0(resume ? 1 : 0, "whether to resume") != 0) {
    load_checkpoint(run);
  } else {
    save_checkpoint(run);  // so a failure at any step leaves one from before it
  }
  dist::broadcast_from_rank0(group, run.synchronized_tensors(), "the supernet's weights");
  if (run.state.finished) {
    run.say(fmt::format("{}: already finished ({} steps); nothing to do", run_dir, run.state.step));
    return summary(run, judgement);
  }
  if (run.state.step > 0) run.say(fmt::format("resuming {} at step {}/{}", run_dir, run.state.step, run.plan.total()));

  JudgeHook judge(judgement);
  WallTimeHook wall_time;
  CheckpointHook checkpoint;
  ProgressHook progress_line;
  const std::vector<RunHook*> hooks = {&judge, &wall_time, &checkpoint, &progress_line};
  for (RunHook* hook : hooks) hook->on_start(run);
  while (run.state.step < run.plan.total()) {
    method->before_step(run);
    weight_step(run);
    ++run.state.step;
    const bool phase_end = method->phase_ends(run);
    for (RunHook* hook : hooks) hook->after_step(run, phase_end);
  }
  for (RunHook* hook : hooks) hook->on_finish(run);

  make_final_front(run);
  run.state.finished = true;
  save_checkpoint(run);
  const TrainingSummary result = summary(run, judgement);
  if (group.writes()) write_file_atomically(run.layout.summary(), result.to_json(run.space).dump(2) + "\n");
  if (group.distributed()) {
    const dist::Traffic& t = group.traffic();
    run.say(fmt::format("distributed: rank 0 of {}: {} collectives, {:.1f} MiB sent into them, {:.1f} s in them", group.size(),
                        t.collectives, static_cast<double>(t.bytes) / (1 << 20), t.seconds));
  }
  return result;
}

TrainedSupernet load_trained_supernet(const std::string& run_dir, const nn::NetworkSpec& network) {
  const std::string path = RunLayout(run_dir).checkpoint();
  if (!std::filesystem::exists(path)) {
    throw DataError(fmt::format("{}: no checkpoint; train first (prpnas train --out {})", path, run_dir));
  }
  TrainedSupernet trained{nn::make_supernet(network), {}, 0, false};
  const RunState state = load_supernet_from_checkpoint(path, *trained.supernet);
  trained.alive = state.alive;
  trained.step = state.step;
  trained.finished = state.finished;
  trained.supernet->module().eval();
  return trained;
}

}  // namespace prpnas::train
