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
#include "prpnas/eval/experiment_layout.h"
#include "prpnas/eval/experiment_report.h"
#include "prpnas/eval/tabular_experiment.h"
#include "prpnas/eval/tabular_report.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/run/run_directory.h"
#include "prpnas/run/run_setup.h"
#include "prpnas/run/train_config.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/error.h"
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
  std::string out;
  std::string config = "configs/default.toml";
  std::vector<std::string> methods = {"prp", "fairnas", "spos", "prp-no-pruning"};
  int jobs = 2;
};

std::string cell(double value) { return std::isfinite(value) ? fmt::format("{:.4f}", value) : "-"; }

// The command that repeats this experiment, every option spelled out.
std::string tabular_command(const ExperimentOptions& o) {
  std::string costs;
  for (const std::string& cost : o.costs) costs += " --cost " + cost;
  return fmt::format("prpnas experiment --tabular --accuracy {} --accuracy-table {}{} --cost-table {} --budget {} "
                     "--seed {} --out {}",
                     o.accuracy, o.accuracy_table, costs, o.cost_table, o.budget, o.seed, o.out);
}

void run_tabular(const ExperimentOptions& o) {
  const space::Nb201Space space;
  std::vector<eval::TableColumn> columns = {{o.accuracy_table, {o.accuracy, pareto::Sense::kMaximize}}};
  for (const std::string& cost : o.costs) columns.push_back({o.cost_table, {cost, pareto::Sense::kMinimize}});
  const eval::TabularProblem problem(space, columns);
  eval::TabularExperimentOptions options;
  options.budget = o.budget;
  options.seed = o.seed;
  const eval::TabularExperiment experiment = eval::run_tabular_experiment(space, problem, options);
  eval::write_tabular_experiment(o.out, space, problem, options, experiment);
  eval::write_tabular_report(o.out, space, problem, options, experiment, tabular_command(o));
  fmt::print("{}: {} vs {}, {} queries each, true front {} of {} cells\n", o.out, o.accuracy,
             fmt::join(o.costs, ", "), o.budget, experiment.true_front.size(), problem.size());
  fmt::print("{:<8} {:>19} {:>13} {:>7} {:>25} {:>10} {:>10} {:>8}\n", "method", "front_approximation",
             "kendall_tau_b", "queries", "front_approximation_nadir", "igd", "front_size", "seconds");
  for (const auto& m : experiment.methods) {
    fmt::print("{:<8} {:>19} {:>13} {:>7} {:>25} {:>10} {:>10} {:>8.2f}\n", m.method, cell(m.front_approximation),
               cell(m.kendall_tau_b), m.queries, cell(m.front_approximation_nadir), cell(m.igd), m.front.size(),
               m.seconds);
  }
  fmt::print("report: {}/report.html\n", o.out);
}

void run_supernets(const ExperimentOptions& o) {
  const run::TrainConfig config = run::read_train_config(o.config, "");
  if (config.truth.empty()) {
    throw ConfigError(o.config + ": evaluation.truth is empty; the experiment judges fronts against a ground truth");
  }
  check_thread_count(o.jobs, "--jobs");
  std::vector<train::Method> methods;
  for (const std::string& m : o.methods) methods.push_back(train::parse_method(m));  // before anything is written
  const FileLock lock = run::claim_run_directory(o.out, run::effective_config(config));
  const eval::ExperimentLayout layout(o.out);
  const run::RunSetup setup = run::assemble_run(config, o.out, /*measure_if_missing=*/true);
  run::record_run_config(o.out, run::effective_config(config));
  eval::ExperimentInputs inputs;
  inputs.training_inputs = setup.inputs;
  inputs.training = config.training;
  inputs.methods = methods;
  std::vector<FileLock> method_locks;
  for (std::size_t i = 0; i < methods.size(); ++i) {
    // Each method's folder is a complete training run directory, so that
    // `prpnas search --run` and `prpnas train` work on it as on any other.
    const std::string& m = o.methods[i];
    run::TrainConfig method_config = config;
    method_config.method = m;
    method_config.training.method = methods[i];
    if (method_config.lut.empty()) method_config.lut = layout.lut();
    method_locks.push_back(run::claim_run_directory(layout.run(m).dir(), run::effective_config(method_config)));
    run::record_run_config(layout.run(m).dir(), run::effective_config(method_config));
  }
  inputs.truth_path = config.truth;
  inputs.jobs = o.jobs;
  nn::set_compute_threads(config.threads);  // after the LUT, which times one thread

  const eval::ExperimentOutcome outcome = eval::run_experiment(setup.data, inputs, o.out, stderr);
  eval::ReportContext context;
  context.command = fmt::format("prpnas experiment --config {} --methods {} --jobs {} --out {}", o.config,
                                fmt::join(o.methods, ","), o.jobs, o.out);
  context.config = run::read_text(layout.config());
  const std::string lut_setup = (config.lut.empty() ? layout.lut() : config.lut) + ".json";
  if (std::filesystem::exists(lut_setup)) context.machine = run::read_text(lut_setup);
  eval::write_experiment_report(o.out, outcome, context);
  fmt::print("{}: {} methods, equal budgets of {} path-images\n", o.out, outcome.methods.size(),
             config.training.budget_images);
  fmt::print("{:<15} {:>13} {:>22} {:>19} {:>25} {:>8} {:>13} {:>14}\n", "method", "kendall_tau_b",
             "kendall_tau_b_accuracy", "front_approximation", "front_approximation_nadir", "igd", "train_seconds",
             "search_seconds");
  for (const auto& m : outcome.methods) {
    fmt::print("{:<15} {:>13} {:>22} {:>19} {:>25} {:>8} {:>13.0f} {:>14.0f}\n", m.method, cell(m.kendall_tau_b),
               cell(m.kendall_tau_b_accuracy), cell(m.front_approximation), cell(m.front_approximation_nadir),
               cell(m.igd), m.train_seconds, m.search_seconds);
  }
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
  command->add_option("--seed", o->seed)->capture_default_str();
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
