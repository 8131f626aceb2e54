// What both programs do with their commands once registered: parse, run,
// and turn every error into one line and an exit status (2 for bad input,
// 1 for an internal error).
#ifndef PRPNAS_CLI_RUN_APP_H_
#define PRPNAS_CLI_RUN_APP_H_

#include <CLI/CLI.hpp>

namespace prpnas::cli {

int run_app(CLI::App& app, int argc, char** argv);

}  // namespace prpnas::cli

#endif  // PRPNAS_CLI_RUN_APP_H_
