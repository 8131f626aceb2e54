// prpnas-torch: every prpnas command, with libtorch. Users run `prpnas`
// (front_main.cc), which runs the torch-free commands itself and hands the
// others to this program.
#include <CLI/CLI.hpp>
#include <string>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/run_app.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/nn/tensor_memory.h"
#include "prpnas/nn/torch_info.h"
#include "prpnas/util/interruption.h"

int main(int argc, char** argv) {
  CLI::App app{
      "prpnas: hardware-aware neural architecture search with a Pareto rank-preserving "
      "supernetwork.\nRun 'prpnas <command> --help' for a command's options."};
  app.set_version_flag("--version", std::string("prpnas ") + PRPNAS_VERSION + " (" +
                                        prpnas::nn::torch_info() + ")");
  app.require_subcommand(1);
  // One thread unless a command's --threads says otherwise: results and
  // timings then do not depend on what else the machine runs.
  prpnas::nn::set_compute_threads(1);
  prpnas::nn::keep_freed_tensor_memory();
  prpnas::stop_at_safe_points_on_signals();
  prpnas::cli::add_pareto_command(app);
  prpnas::cli::add_stats_command(app);
  prpnas::cli::add_space_costs_subcommand(*prpnas::cli::add_space_command(app));
  prpnas::cli::add_data_command(app);
  prpnas::cli::add_train_arch_command(app);
  prpnas::cli::add_ground_truth_command(app);
  prpnas::cli::add_lut_command(app);
  prpnas::cli::add_latency_command(app);
  prpnas::cli::add_costs_command(app);
  prpnas::cli::add_train_command(app);
  prpnas::cli::add_search_command(app);
  prpnas::cli::add_export_command(app);
  prpnas::cli::add_battery_command(app);
  prpnas::cli::add_experiment_command(app);
  prpnas::cli::add_launch_command(app);

  return prpnas::cli::run_app(app, argc, argv);
}
