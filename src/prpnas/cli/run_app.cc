#include "prpnas/cli/run_app.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>

#include "prpnas/cli/number_options.h"
#include "prpnas/util/error.h"
#include "prpnas/util/interruption.h"
#include "prpnas/util/printable.h"

namespace prpnas::cli {

namespace {

// Output that did not reach its file (a full disk, /dev/full) is a failure,
// not a success: flushes both streams and returns why they failed, or "".
std::string standard_output_failure() {
  std::cout.flush();
  errno = 0;
  const bool failed = std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout;
  if (!failed) return "";
  return errno != 0 ? std::strerror(errno) : "write error";
}

int output_error(const std::string& why) {
  std::cerr << "prpnas: error: cannot write to standard output (" << why
            << "); the output is incomplete: free space or write it elsewhere\n";
  return 2;
}

}  // namespace

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
      std::cerr << "prpnas: error: unknown command " << echoed(argv[1]) << " (commands: " << names << ")\n";
      return 2;
    }
  }
  apply_number_rule(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ConversionError& e) {
    // What passed the number rule (number_options.h) but not the conversion: too large.
    std::string what = e.what();
    if (what.starts_with("Could not convert: ")) what = what.substr(19) + ": out of this option's range";
    std::cerr << "prpnas: error: " << printable_line(what) << " (see --help)\n";
    return 2;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // Usage errors are bad input like any other: one line, exit 2.
    std::cerr << "prpnas: error: " << printable_line(e.what()) << " (see --help)\n";
    return 2;
  } catch (const prpnas::Interrupted& e) {
    std::cerr << "prpnas: " << e.what() << "\n";
    return e.exit_code();
  } catch (const prpnas::Error& e) {
    std::cerr << "prpnas: error: " << printable_line(e.what()) << "\n";
    return 2;
  } catch (const std::exception& e) {
    // fmt throws when stdout refuses a write: that is the disk, not a bug.
    if (!standard_output_failure().empty()) return output_error(e.what());
    std::cerr << "prpnas: internal error: " << printable_line(e.what()) << "\n";
    return 1;
  }
  if (const std::string why = standard_output_failure(); !why.empty()) return output_error(why);
  return 0;
}

}  // namespace prpnas::cli
