// prpnas: hardware-aware NAS with a Pareto rank-preserving supernetwork.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "prpnas/cli/commands.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/nn/torch_info.h"
#include "prpnas/util/error.h"

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
  prpnas::cli::add_pareto_command(app);
  prpnas::cli::add_stats_command(app);
  prpnas::cli::add_space_command(app);
  prpnas::cli::add_data_command(app);
  prpnas::cli::add_train_arch_command(app);
  prpnas::cli::add_ground_truth_command(app);
  prpnas::cli::add_lut_command(app);
  prpnas::cli::add_latency_command(app);
  prpnas::cli::add_costs_command(app);
  prpnas::cli::add_train_command(app);
  prpnas::cli::add_search_command(app);
  prpnas::cli::add_experiment_command(app);

  // CLI11 would call a typo "a missing subcommand"; name it instead.
  if (argc > 1 && argv[1][0] != '-') {
    std::string names;
    bool known = false;
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
      names += (names.empty() ? "" : ", ") + command->get_name();
      known = known || command->get_name() == argv[1];
    }
    if (!known) {
      std::cerr << "prpnas: error: unknown command '" << argv[1] << "' (commands: " << names << ")\n";
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // Usage errors are bad input like any other: one line, exit 2.
    std::cerr << "prpnas: error: " << e.what() << " (see --help)\n";
    return 2;
  } catch (const prpnas::Error& e) {
    std::cerr << "prpnas: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "prpnas: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
