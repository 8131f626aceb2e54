// `prpnas train`: a supernet training run (PRP, its ablation, or a baseline)
// from a TOML configuration into a run directory; the same command resumes.
#include <cmath>
#include <optional>

#include <fmt/core.h>

#include "prpnas/cli/commands.h"
#include "prpnas/dist/heartbeat.h"
#include "prpnas/dist/process_group.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/run/run_directory.h"
#include "prpnas/run/run_setup.h"
#include "prpnas/run/train_config.h"
#include "prpnas/train/supernet_training.h"

namespace prpnas::cli {
namespace {

struct TrainCommandOptions {
  std::string method, space, device, config = "configs/default.toml", out;
};

void run(const TrainCommandOptions& o) {
  const run::TrainConfig config = run::read_train_config(o.config, o.method, o.space, o.device);
  // Rank 0 owns the run directory (and may spend minutes measuring its LUT:
  // the others wait beating, not in a collective that would time out).
  dist::ProcessGroup& group = dist::world();
  std::optional<FileLock> lock;
  std::optional<run::RunSetup> setup;
  {
    std::optional<dist::Heartbeat> heartbeat;
    if (group.distributed()) heartbeat.emplace(group, "train set-up");
    if (group.writes()) {
      lock.emplace(run::claim_run_directory(o.out, run::effective_config(config)));
      setup.emplace(run::assemble_run(config, o.out, /*measure_if_missing=*/true));
      run::record_run_config(o.out, run::effective_config(config));
    }
    if (heartbeat) dist::wait_for_ranks(group, "train/set-up", *heartbeat);
    if (!group.writes()) setup.emplace(run::assemble_run(config, o.out, /*measure_if_missing=*/false));
  }
  nn::set_compute_threads(config.threads);  // after the LUT, which times one thread

  const train::TrainingSummary s = train::run_supernet_training(setup->data, setup->inputs, config.training, o.out,
                                                                group.writes() ? stderr : nullptr);
  if (!group.writes()) return;
  auto show = [](double value) { return std::isfinite(value) ? fmt::format("{:.3f}", value) : std::string("-"); };
  fmt::print("{}: {} {} steps in {:.0f} s; Kendall tau-b vs ground truth: supernet {} (accuracy alone {}), "
             "alpha {}, {} alone {}; front {} of {} candidates, hypervolume {:.4f}\n",
             o.out, s.method, s.steps.total(), s.seconds.total, show(s.last.kendall_supernet),
             show(s.last.kendall_supernet_accuracy), show(s.last.kendall_alpha), s.objectives.at(1).name,
             show(s.kendall_cost_only), s.front.size, s.front.candidates, s.front.hypervolume);
}

}  // namespace

void add_train_command(CLI::App& app) {
  auto o = std::make_shared<TrainCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "train", "train a supernet (PRP or a baseline) into a run directory; the same command resumes a killed run");
  command->add_option("--method", o->method, std::string("prp, prp-no-pruning, prp-coupled, fairnas or spos (default: "
                                                         "the config's, else prp)"));
  command->add_option("--space", o->space, "search space: nb201 or chain (default: the config's network.space)");
  command->add_option("--device", o->device, "cpu, cuda or cuda:N (default: the config's device, else cpu)");
  command->add_option("--config", o->config, "TOML configuration (keys: docs/CLI.md)")->capture_default_str();
  command->add_option("--out", o->out, "run directory")->required();
  command->callback([o] { run(*o); });
}

}  // namespace prpnas::cli
