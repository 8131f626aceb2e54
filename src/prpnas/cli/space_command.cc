// Placeholder: being written.
#include "prpnas/cli/commands.h"

namespace prpnas::cli {

void add_space_command(CLI::App& app) { (void)app; }

}  // namespace prpnas::cli
