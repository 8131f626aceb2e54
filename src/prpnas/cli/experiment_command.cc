// `prpnas experiment`: compare methods at equal budgets. With --config: PRP,
// FairNAS, SPOS and PRP without pruning train supernets on real data and
// their fronts are judged with stand-alone results (eval/experiment.h). With
// --tabular, on a tabular benchmark (NAS-Bench-201 accuracy + HW-NAS-Bench
// costs): PRP's alpha training, NSGA-II and random search, each with
// --budget table queries.
#include <cmath>
#include <filesystem>
#include <memory>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/number_options.h"
#include "prpnas/eval/experiment.h"
#include "prpnas/eval/experiment_seeds.h"
#include "prpnas/eval/experiment_layout.h"
#include "prpnas/eval/experiment_report.h"
#include "prpnas/eval/tabular_experiment.h"
#include "prpnas/eval/tabular_report.h"
#include "prpnas/eval/tabular_seeds.h"
#include "prpnas/eval/seed_report.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/report/text.h"
#include "prpnas/run/run_directory.h"
#include "prpnas/run/run_setup.h"
#include "prpnas/run/train_config.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"
#include "prpnas/util/seed_list.h"
#include "prpnas/util/thread_count.h"

namespace prpnas::cli {
namespace {

struct ExperimentOptions {
  bool tabular = false;
  std::string accuracy = "cifar10_test", accuracy_table = "data/nb201.csv.gz";
  std::vector<std::string> costs = {"c10_edgegpu_latency"};
  std::string cost_table = "data/hwnasbench_nb201.csv.gz";
  std::size_t budget = 1000;
  std::uint64_t seed = 0;
  std::string seeds;                // --seeds: "" = the one --seed
  std::vector<double> noise;        // tabular: PRP again with noisy accuracies
  std::string out;
  std::string config = "configs/default.toml";
  std::vector<std::string> methods = {"prp", "fairnas", "spos", "prp-no-pruning"};
  int jobs = 2;
};

std::string cell(double value) { return std::isfinite(value) ? fmt::format("{:.4f}", value) : "-"; }

std::string with_interval(double value, const pareto::ConfidenceInterval& ci) {
  return report::with_interval(value, ci.low, ci.high);
}

// The command that repeats this experiment, every option spelled out.
std::string tabular_command(const ExperimentOptions& o) {
  std::string costs;
  for (const std::string& cost : o.costs) costs += " --cost " + cost;
  const std::string seeds = o.seeds.empty() ? fmt::format("--seed {}", o.seed) : "--seeds " + o.seeds;
  const std::string noise = o.noise.empty() ? "" : fmt::format(" --noise {}", fmt::join(o.noise, ","));
  return fmt::format("prpnas experiment --tabular --accuracy {} --accuracy-table {}{} --cost-table {} --budget {} "
                     "{}{} --out {}",
                     o.accuracy, o.accuracy_table, costs, o.cost_table, o.budget, seeds, noise, o.out);
}

void print_seed_summary(const eval::SeedSummary& summary, const std::vector<eval::MetricSense>& metrics) {
  fmt::print("mean [95 % bootstrap interval] over {} seeds; all figures in seeds.csv, paired tests in paired.csv\n",
             summary.seeds.size());
  fmt::print("{:<16}", "method");
  for (const auto& m : metrics) fmt::print(" {:>26}", m.name);
  fmt::print("\n");
  std::string method;
  for (const eval::MetricSummary& s : summary.metrics) {
    if (s.method != method) {
      if (!method.empty()) fmt::print("\n");
      method = s.method;
      fmt::print("{:<16}", method);
    }
    bool shown = false;
    for (const auto& m : metrics) shown = shown || m.name == s.metric;
    if (!shown) continue;
    fmt::print(" {:>26}", s.n == 0 ? "-" : fmt::format("{} [{}, {}]", cell(s.mean), cell(s.ci.low), cell(s.ci.high)));
  }
  fmt::print("\n");
}

void run_tabular(const ExperimentOptions& o) {
  for (double sigma : o.noise) {
    if (!(sigma > 0)) throw ConfigError(fmt::format("--noise {}: a standard deviation must be > 0", sigma));
  }
  const std::vector<std::uint64_t> seeds = o.seeds.empty() ? std::vector<std::uint64_t>{}
                                                           : parse_seed_list(o.seeds, "--seeds");
  const space::Nb201Space space;
  std::vector<eval::TableColumn> columns = {{o.accuracy_table, {o.accuracy, pareto::Sense::kMaximize}}};
  for (const std::string& cost : o.costs) columns.push_back({o.cost_table, {cost, pareto::Sense::kMinimize}});
  const eval::TabularProblem problem(space, columns);
  eval::TabularExperimentOptions options;
  options.budget = o.budget;
  options.seed = o.seed;
  options.noise_levels = o.noise;
  std::string objectives = o.accuracy + " (max)";
  for (const std::string& cost : o.costs) objectives += ", " + cost + " (min)";
  if (!seeds.empty()) {
    const eval::SeedSummary summary = eval::run_tabular_seeds(space, problem, options, seeds, o.out, stderr);
    eval::SeedReportContext context{
        fmt::format("prpnas tabular experiment over {} seeds", seeds.size()),
        fmt::format("Objectives: {}. Budget: {} distinct table queries per method and seed. Judged against the "
                    "true front of the valid cells (every figure scaled to its range; reference point at its nadir "
                    "+ 10 % of the range; near hits within {} of that range).",
                    objectives, o.budget, pareto::kDefaultHitTolerance),
        tabular_command(o)};
    eval::write_seed_report(o.out, summary, eval::tabular_seed_metrics(), context);
    fmt::print("{}: {} vs {}, {} queries each, {} seeds\n", o.out, o.accuracy, fmt::join(o.costs, ", "), o.budget,
               seeds.size());
    print_seed_summary(summary, {{"hv_ratio", true}, {"igd_plus", false}, {"true_front_hits", true}});
    fmt::print("report: {}/report.html\n", o.out);
    return;
  }
  const eval::TabularExperiment experiment = eval::run_tabular_experiment(space, problem, options);
  eval::write_tabular_experiment(o.out, space, problem, options, experiment);
  eval::write_tabular_report(o.out, space, problem, options, experiment, tabular_command(o));
  fmt::print("{}: {} vs {}, {} queries each, true front {} of {} cells\n", o.out, o.accuracy,
             fmt::join(o.costs, ", "), o.budget, experiment.true_front.size(), problem.size());
  fmt::print("one seed: a single draw, no interval (use --seeds 0-19 for means and intervals)\n");
  fmt::print("{:<13} {:>8} {:>8} {:>8} {:>12} {:>13} {:>7} {:>10} {:>8}\n", "method", "hv_ratio", "igd_plus",
             "epsilon", "hits (near)", "kendall_tau_b", "queries", "front_size", "seconds");
  for (const auto& m : experiment.methods) {
    fmt::print("{:<13} {:>8} {:>8} {:>8} {:>12} {:>13} {:>7} {:>10} {:>8.2f}\n", m.method,
               cell(m.metrics.hypervolume_ratio), cell(m.metrics.igd_plus), cell(m.metrics.epsilon),
               fmt::format("{}/{} ({})", m.metrics.exact_hits, m.metrics.true_front_size, m.metrics.near_hits),
               cell(m.kendall_tau_b), m.queries, m.front.size(), m.seconds);
  }
  fmt::print("older figures (front_approximation, igd) in {}/results.csv\n", o.out);
  fmt::print("report: {}/report.html\n", o.out);
}

void run_supernets(const ExperimentOptions& o) {
  if (!o.noise.empty()) throw ConfigError("--noise: only with --tabular (supernet estimates carry their own noise)");
  const run::TrainConfig config = run::read_train_config(o.config, "");
  if (config.truth.empty()) {
    throw ConfigError(o.config + ": evaluation.truth is empty; the experiment judges fronts against a ground truth");
  }
  check_thread_count(o.jobs, "--jobs");
  std::vector<train::Method> methods;
  for (const std::string& m : o.methods) methods.push_back(train::parse_method(m));  // before anything is written
  const std::vector<std::uint64_t> seeds =
      o.seeds.empty() ? std::vector<std::uint64_t>{} : parse_seed_list(o.seeds, "--seeds");
  const FileLock lock = run::claim_run_directory(o.out, run::effective_config(config));
  const eval::ExperimentLayout layout(o.out);
  const run::RunSetup setup = run::assemble_run(config, o.out, /*measure_if_missing=*/true);
  run::record_run_config(o.out, run::effective_config(config));
  eval::ExperimentInputs inputs;
  inputs.training_inputs = setup.inputs;
  inputs.training = config.training;
  inputs.methods = methods;
  // Each method's folder is a complete training run directory, so that
  // `prpnas search --run` and `prpnas train` work on it as on any other.
  std::vector<FileLock> locks;
  auto claim_method_folders = [&](const std::string& dir, const run::TrainConfig& seed_config) {
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
    locks.push_back(run::claim_run_directory(dir, run::effective_config(seed_config)));
    run::record_run_config(dir, run::effective_config(seed_config));
    claim_method_folders(dir, seed_config);
  }
  if (seeds.empty()) claim_method_folders(o.out, config);
  inputs.truth_path = config.truth;
  inputs.jobs = o.jobs;
  nn::set_compute_threads(config.threads);  // after the LUT, which times one thread

  eval::ReportContext context;
  context.command = fmt::format("prpnas experiment --config {} --methods {} --jobs {}{} --out {}", o.config,
                                fmt::join(o.methods, ","), o.jobs, o.seeds.empty() ? "" : " --seeds " + o.seeds,
                                o.out);
  context.config = run::read_text(layout.config());
  const std::string lut_setup = (config.lut.empty() ? layout.lut() : config.lut) + ".json";
  if (std::filesystem::exists(lut_setup)) context.machine = run::read_text(lut_setup);
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
                    outcomes.front().trained_for_this_experiment),
        context.command};
    eval::write_seed_report(o.out, summary, eval::supernet_seed_metrics(), seed_context);
    fmt::print("{}: {} methods, equal budgets of {} path-images, {} seeds\n", o.out, o.methods.size(),
               config.training.budget_images, seeds.size());
    print_seed_summary(summary, {{"hv_ratio", true}, {"true_front_hits", true}, {"kendall_tau_b", true}});
    fmt::print("report: {}/report.html\n", o.out);
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
}

}  // namespace

void add_experiment_command(CLI::App& app) {
  auto o = std::make_shared<ExperimentOptions>();
  CLI::App* command = app.add_subcommand("experiment", "compare PRP with baselines at equal budgets");
  command->add_flag("--tabular", o->tabular,
                    "use tabular benchmarks instead of training networks (NAS-Bench-201 + HW-NAS-Bench)");
  command->add_option("--accuracy", o->accuracy, "accuracy column of --accuracy-table (maximised)")
      ->capture_default_str();
  command->add_option("--accuracy-table", o->accuracy_table)->capture_default_str();
  command->add_option("--cost", o->costs, "cost column of --cost-table (minimised); repeat for more")
      ->capture_default_str();
  command->add_option("--cost-table", o->cost_table)->capture_default_str();
  command->add_option("--budget", o->budget, "distinct table queries per method")->capture_default_str()
      ->check(at_least(1));
  CLI::Option* seed = command->add_option("--seed", o->seed)->capture_default_str();
  command->add_option("--seeds", o->seeds,
                      "run every seed of a list (e.g. 0-4 or 0,2,7) into OUT/seed-N and summarise them in OUT")
      ->excludes(seed);
  command->add_option("--noise", o->noise,
                      "tabular: also run PRP ranking by accuracies with Gaussian noise of these standard deviations "
                      "(e.g. 0.5,1,2), judged on the clean table")
      ->delimiter(',');
  command->add_option("--config", o->config, "TOML configuration of the supernet runs (as prpnas train)")
      ->capture_default_str();
  command->add_option("--methods", o->methods, "methods to compare")->delimiter(',')->capture_default_str();
  command->add_option("--jobs", o->jobs, "stand-alone trainings at once for front architectures without ground truth")
      ->check(at_least(1))
      ->capture_default_str();
  command->add_option("--out", o->out, "results directory (re-run the same command to resume)")->required();
  command->callback([o] { o->tabular ? run_tabular(*o) : run_supernets(*o); });
}

}  // namespace prpnas::cli
