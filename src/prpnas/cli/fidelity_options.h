// Command-line options that decide how a stand-alone network is trained
// (dataset, split, preset, schedule, seed): shared by train-arch and ground-truth.
#ifndef PRPNAS_CLI_FIDELITY_OPTIONS_H_
#define PRPNAS_CLI_FIDELITY_OPTIONS_H_

#include <CLI/CLI.hpp>

#include "prpnas/eval/standalone.h"

namespace prpnas::cli {

void add_fidelity_options(CLI::App& command, eval::Fidelity& fidelity, int& threads);

// Applies --threads to libtorch and checks ranges; throws ConfigError naming the option.
void apply_fidelity_options(const eval::Fidelity& fidelity, int threads);

}  // namespace prpnas::cli

#endif  // PRPNAS_CLI_FIDELITY_OPTIONS_H_
