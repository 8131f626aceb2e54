// `prpnas experiment`: compare methods at equal budgets. With --config: PRP,
// FairNAS, SPOS and PRP without pruning train supernets on real data
// (experiment_supernets.cc). With --tabular, on a tabular benchmark
// (experiment_tabular.cc). The options of both are declared here.
#include <memory>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/experiment_options.h"
#include "prpnas/cli/number_options.h"

namespace prpnas::cli {

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
  command->add_option("--device", o->device, "cpu, cuda or cuda:N for the supernet runs (default: the config's device)");
  command->add_option("--jobs", o->jobs, "stand-alone trainings at once for front architectures without ground truth")
      ->check(at_least(1))
      ->capture_default_str();
  command->add_option("--out", o->out, "results directory (re-run the same command to resume)")->required();
  command->callback([o] { o->tabular ? run_tabular_experiment(*o) : run_supernet_experiment(*o); });
}

}  // namespace prpnas::cli
