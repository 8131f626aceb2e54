// `prpnas experiment --config`: PRP, FairNAS, SPOS and PRP without pruning
// train supernets on real data at equal budgets and their fronts are judged
// with stand-alone results (eval/experiment.h); one seed or many.
#include <filesystem>
#include <optional>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "prpnas/cli/experiment_options.h"
#include "prpnas/dist/heartbeat.h"
#include "prpnas/dist/process_group.h"
#include "prpnas/eval/distributed_experiment.h"
#include "prpnas/eval/experiment.h"
#include "prpnas/eval/experiment_layout.h"
#include "prpnas/eval/experiment_report.h"
#include "prpnas/eval/experiment_seeds.h"
#include "prpnas/eval/seed_report.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/run/run_directory.h"
#include "prpnas/run/run_latency.h"
#include "prpnas/run/run_setup.h"
#include "prpnas/run/train_config.h"
#include "prpnas/util/error.h"
#include "prpnas/util/seed_list.h"
#include "prpnas/util/thread_count.h"

namespace prpnas::cli {

void run_supernet_experiment(const ExperimentOptions& o) {
  if (!o.noise.empty()) throw ConfigError("--noise: only with --tabular (supernet estimates carry their own noise)");
  const run::TrainConfig config = run::read_train_config(o.config, "", "", o.device);
  if (config.truth.empty()) {
    throw ConfigError(o.config + ": evaluation.truth is empty; the experiment judges fronts against a ground truth");
  }
  check_thread_count(o.jobs, "--jobs");
  std::vector<train::Method> methods;
  for (const std::string& m : o.methods) methods.push_back(train::parse_method(m));  // before anything is written
  const std::vector<std::uint64_t> seeds =
      o.seeds.empty() ? std::vector<std::uint64_t>{} : parse_seed_list(o.seeds, "--seeds");
  // Distributed (docs/CLUSTER.md): rank 0 owns the folders and the LUT; the
  // runs are dealt to the ranks; rank 0 then judges and reports alone.
  dist::ProcessGroup& group = dist::world();
  std::optional<dist::Heartbeat> heartbeat;
  if (group.distributed()) heartbeat.emplace(group, "experiment");
  std::optional<FileLock> lock;
  if (group.writes()) lock.emplace(run::claim_run_directory(o.out, run::effective_config(config)));
  const eval::ExperimentLayout layout(o.out);
  if (!group.writes()) dist::wait_for_ranks(group, "experiment/set-up", *heartbeat);
  const run::RunSetup setup = run::assemble_run(config, o.out, /*measure_if_missing=*/group.writes());
  if (group.writes()) run::record_run_config(o.out, run::effective_config(config));
  eval::ExperimentInputs inputs;
  inputs.training_inputs = setup.inputs;
  inputs.training = config.training;
  inputs.methods = methods;
  // Each method's folder is a complete training run directory, so that
  // `prpnas search --run` and `prpnas train` work on it as on any other.
  std::vector<FileLock> locks;
  auto claim_method_folders = [&](const std::string& dir, const run::TrainConfig& seed_config) {
    if (!group.writes()) return;
    for (std::size_t i = 0; i < methods.size(); ++i) {
      run::TrainConfig method_config = seed_config;
      method_config.method = o.methods[i];
      method_config.training.method = methods[i];
      if (method_config.lut.empty()) method_config.lut = layout.lut();
      const std::string run_dir = eval::ExperimentLayout(dir).run(o.methods[i]).dir();
      locks.push_back(run::claim_run_directory(run_dir, run::effective_config(method_config)));
      run::record_run_config(run_dir, run::effective_config(method_config));
    }
  };
  for (std::uint64_t seed : seeds) {
    run::TrainConfig seed_config = config;
    seed_config.training.seed = seed_config.training.evaluation.seed = seed;
    const std::string dir = layout.seed(seed);
    if (!group.writes()) continue;
    locks.push_back(run::claim_run_directory(dir, run::effective_config(seed_config)));
    run::record_run_config(dir, run::effective_config(seed_config));
    claim_method_folders(dir, seed_config);
  }
  if (seeds.empty()) claim_method_folders(o.out, config);
  inputs.truth_path = config.truth;
  inputs.jobs = o.jobs;
  nn::set_compute_threads(config.threads);  // after the LUT, which times one thread
  if (group.distributed()) {
    if (group.writes()) dist::wait_for_ranks(group, "experiment/set-up", *heartbeat);
    eval::train_runs_across_ranks(setup.data, inputs, seeds, o.out, group.writes() ? stderr : nullptr, *heartbeat);
    if (!group.writes()) {
      dist::wait_for_ranks(group, "experiment/done", *heartbeat);
      return;
    }
  }
  const dist::SoloScope solo;  // rank 0 finds every run finished, and judges as one process
  auto release_the_others = [&] {
    if (heartbeat) dist::wait_for_ranks(group, "experiment/done", *heartbeat);
  };

  eval::ReportContext context;
  context.command = fmt::format("prpnas experiment --config {} --methods {} --jobs {}{} --out {}", o.config,
                                fmt::join(o.methods, ","), o.jobs, o.seeds.empty() ? "" : " --seeds " + o.seeds,
                                o.out);
  context.config = run::read_text(layout.config());
  const std::string lut_setup = (config.lut.empty() ? layout.lut() : config.lut) + ".json";
  if (std::filesystem::exists(lut_setup)) context.machine = run::read_text(lut_setup);
  context.notice = run::cost_source_notice(config, setup.inputs.network);
  if (!seeds.empty()) {
    std::vector<eval::ExperimentOutcome> outcomes;
    const eval::SeedSummary summary = eval::run_experiment_seeds(setup.data, inputs, seeds, o.out, stderr, outcomes);
    for (std::size_t k = 0; k < seeds.size(); ++k) eval::write_experiment_report(layout.seed(seeds[k]), outcomes[k], context);
    eval::SeedReportContext seed_context{
        fmt::format("prpnas experiment over {} seeds", seeds.size()),
        fmt::format("Methods trained at an equal budget of {} path-images each per seed, judged in true values "
                    "(stand-alone test accuracy, table costs) against the true front of the valid known cells, the "
                    "same for every seed ({} architectures known, {} trained for this experiment). Each seed's own "
                    "report: seed-N/report.html.",
                    config.training.budget_images, outcomes.front().known.size(),
                    outcomes.front().trained_for_this_experiment) +
            (context.notice.empty() ? "" : " " + context.notice),
        context.command};
    eval::write_seed_report(o.out, summary, eval::supernet_seed_metrics(), seed_context);
    fmt::print("{}: {} methods, equal budgets of {} path-images, {} seeds\n", o.out, o.methods.size(),
               config.training.budget_images, seeds.size());
    print_seed_summary(summary, {{"hv_ratio", true}, {"true_front_hits", true}, {"kendall_tau_b", true}});
    fmt::print("report: {}/report.html\n", o.out);
    release_the_others();
    return;
  }
  const eval::ExperimentOutcome outcome = eval::run_experiment(setup.data, inputs, o.out, stderr);
  eval::write_experiment_report(o.out, outcome, context);
  fmt::print("{}: {} methods, equal budgets of {} path-images; one seed: a single draw (use --seeds 0-4 for means "
             "and intervals over seeds)\n",
             o.out, o.methods.size(), config.training.budget_images);
  fmt::print("{:<22} {:>8} {:>8} {:>11} {:>24} {:>24} {:>11} {:>9}\n", "method", "hv_ratio", "igd_plus",
             "hits (near)", "kendall_tau_b [95 % CI]", "kendall_accuracy [CI]", "front/cands", "train_s");
  for (const auto& m : outcome.methods) {
    fmt::print("{:<22} {:>8} {:>8} {:>11} {:>24} {:>24} {:>11} {:>9.0f}\n", m.method,
               cell(m.metrics.hypervolume_ratio), cell(m.metrics.igd_plus),
               fmt::format("{}/{} ({})", m.metrics.exact_hits, m.metrics.true_front_size, m.metrics.near_hits),
               with_interval(m.kendall_tau_b, m.kendall_ci), with_interval(m.kendall_tau_b_accuracy,
                                                                            m.kendall_accuracy_ci),
               fmt::format("{}/{}", m.front.size(), m.candidates), m.train_seconds);
  }
  fmt::print("older figures (front_approximation, igd) in {}/results.csv\n", o.out);
  fmt::print("report: {}/report.html\n", o.out);
  release_the_others();
}

}  // namespace prpnas::cli
