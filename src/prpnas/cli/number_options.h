// Numeric command-line options read by the number rule (util/number_text.h).
// CLI11 2.1 would read "0x10" as 16, "010" as octal 8, "-3" for an unsigned
// option as 2^64 - 3, and accept " 7" but not "7 ".
#ifndef PRPNAS_CLI_NUMBER_OPTIONS_H_
#define PRPNAS_CLI_NUMBER_OPTIONS_H_

#include <CLI/CLI.hpp>

namespace prpnas::cli {

// Gives every option of `app` and its subcommands typed INT, UINT or FLOAT a
// check by the rule (whole numbers for INT and UINT, >= 0 for UINT), which
// also strips the spaces around the text before CLI11 converts it.
void apply_number_rule(CLI::App& app);

// "at least `minimum`": CLI::PositiveNumber's message prints the largest
// double in full, 309 digits.
CLI::Validator at_least(double minimum);

}  // namespace prpnas::cli

#endif  // PRPNAS_CLI_NUMBER_OPTIONS_H_
