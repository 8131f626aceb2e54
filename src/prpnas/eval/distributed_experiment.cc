#include "prpnas/eval/distributed_experiment.h"

#include <fmt/core.h>

#include "prpnas/dist/process_group.h"
#include "prpnas/eval/experiment_layout.h"

namespace prpnas::eval {

void train_runs_across_ranks(const data::DatasetSplits& data, const ExperimentInputs& inputs,
                             const std::vector<std::uint64_t>& seeds, const std::string& dir, std::FILE* progress,
                             const dist::Heartbeat& heartbeat) {
  dist::ProcessGroup& group = dist::world();
  struct Run {
    ExperimentInputs inputs;  // one method, its seed
    std::string dir;          // the seed's folder
  };
  std::vector<Run> runs;
  const std::vector<std::uint64_t> each = seeds.empty() ? std::vector<std::uint64_t>{inputs.training.seed} : seeds;
  for (std::uint64_t seed : each) {
    for (train::Method method : inputs.methods) {
      Run run{inputs, seeds.empty() ? dir : ExperimentLayout(dir).seed(seed)};
      run.inputs.methods = {method};
      run.inputs.training.seed = run.inputs.training.evaluation.seed = seed;
      runs.push_back(std::move(run));
    }
  }
  // Handed out one at a time (a counter in the store): runs differ in length
  // (SPOS's took 2.9 times FairNAS's in the default experiment).
  for (int64_t next; (next = group.store_add("experiment/next-run", 1) - 1) < static_cast<int64_t>(runs.size());) {
    const auto i = static_cast<std::size_t>(next);
    if (progress) {
      fmt::print(progress, "experiment: rank {} of {} trains {} of seed {}\n", group.rank(), group.size(),
                 train::method_name(runs[i].inputs.methods.front()), runs[i].inputs.training.seed);
    }
    const dist::SoloScope solo;
    train_methods(data, runs[i].inputs, runs[i].dir, progress);
    heartbeat.check();
  }
  dist::wait_for_ranks(group, "experiment/trained", heartbeat);
}

}  // namespace prpnas::eval
