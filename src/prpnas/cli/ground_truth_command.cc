// `prpnas ground-truth`: train many architectures stand-alone, one CSV row
// each, resumable; --jobs trains several at once.
#include <fmt/core.h>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/fidelity_options.h"
#include "prpnas/dist/process_group.h"
#include "prpnas/run/ground_truth_run.h"
#include "prpnas/util/error.h"
#include "prpnas/util/thread_count.h"

namespace prpnas::cli {

namespace {

struct GroundTruthOptions {
  run::GroundTruthRequest request;
  int threads = 1;
};

void run_ground_truth(GroundTruthOptions& o) {
  check_thread_count(o.request.jobs, "--jobs");
  apply_fidelity_options(o.request.fidelity, o.threads);
  run::GroundTruthRun gt(o.request);
  const dist::ProcessGroup& group = dist::world();
  std::FILE* out = group.writes() ? stderr : nullptr;  // rank 0 speaks for the job
  const std::size_t all = gt.architectures().size(), todo = gt.missing().size();
  if (out) {
    fmt::print(out, "ground-truth: {} architectures, {} already in {}, {} to train with {} job(s){}\n", all,
               all - todo, o.request.out, todo, o.request.jobs,
               group.distributed() ? fmt::format(" on each of {} ranks", group.size()) : "");
  }
  if (todo == 0) return;
  gt.train(out);
  if (out) fmt::print(out, "ground-truth: {} rows in {}\n", gt.rows(), o.request.out);
}

}  // namespace

void add_ground_truth_command(CLI::App& app) {
  auto o = std::make_shared<GroundTruthOptions>();
  CLI::App* command = app.add_subcommand(
      "ground-truth", "train architectures stand-alone into a resumable CSV (re-run the same command to resume)");
  command->add_option("--space", o->request.fidelity.space)->capture_default_str();
  command->add_option("--samples", o->request.samples, "number of distinct architectures drawn uniformly with --seed");
  command->add_option("--archs", o->request.archs_file, "train these architectures instead (one native string a line)");
  command->add_option("--out", o->request.out, "the ground-truth CSV (its settings go to OUT.json)")->required();
  command->add_option("--jobs", o->request.jobs, "architectures trained at once")->capture_default_str();
  add_fidelity_options(*command, o->request.fidelity, o->threads);
  command->callback([o] { run_ground_truth(*o); });
}

}  // namespace prpnas::cli
