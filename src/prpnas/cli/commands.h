// Each subcommand registers itself on the top-level app. Commands only wire
// modules together: parse options, call the library, print or write results.
#ifndef PRPNAS_CLI_COMMANDS_H_
#define PRPNAS_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace prpnas::cli {

void add_pareto_command(CLI::App& app);
void add_stats_command(CLI::App& app);
// Returns `space`, for prpnas-torch to add `space costs` to.
CLI::App* add_space_command(CLI::App& app);
void add_space_costs_subcommand(CLI::App& space);
void add_data_command(CLI::App& app);
void add_train_arch_command(CLI::App& app);
void add_ground_truth_command(CLI::App& app);
void add_lut_command(CLI::App& app);
void add_latency_command(CLI::App& app);
void add_costs_command(CLI::App& app);
void add_train_command(CLI::App& app);
void add_experiment_command(CLI::App& app);
void add_search_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_battery_command(CLI::App& app);
void add_launch_command(CLI::App& app);

}  // namespace prpnas::cli

#endif  // PRPNAS_CLI_COMMANDS_H_
