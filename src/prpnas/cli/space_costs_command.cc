// Placeholder: being written.
#include "prpnas/cli/commands.h"

namespace prpnas::cli {

void add_space_costs_subcommand(CLI::App& space) { (void)space; }

}  // namespace prpnas::cli
