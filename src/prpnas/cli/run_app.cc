#include "prpnas/cli/run_app.h"

#include <exception>
#include <iostream>
#include <string>

#include "prpnas/util/error.h"

namespace prpnas::cli {

int run_app(CLI::App& app, int argc, char** argv) {
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

}  // namespace prpnas::cli
