// prpnas: the program users run. Loading libtorch takes 0.4-1 s, longer than
// ranking 15,625 points, so the commands that need no torch (pareto, stats,
// costs, launch, and space info|enumerate|sample|check) run here, in a program that
// does not link it. Every other command, and the top-level --help and
// --version, is handed to prpnas-torch beside this program (execv: same
// process, arguments, streams and exit status), as git and cargo hand
// subcommands to helper programs.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/run_app.h"

namespace {

bool runs_here(int argc, char** argv) {
  if (argc < 2) return false;
  const std::string command = argv[1];
  if (command == "pareto" || command == "stats" || command == "costs" || command == "launch") return true;
  // `space costs` builds networks; `space --help` lists it.
  static const std::set<std::string> torch_free_space = {"info", "enumerate", "sample", "check"};
  return command == "space" && argc > 2 && torch_free_space.count(argv[2]) > 0;
}

int hand_to_torch_program(char** argv) {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  const std::string helper = (self.parent_path() / "prpnas-torch").string();
  execv(helper.c_str(), argv);
  std::fprintf(stderr, "prpnas: error: cannot run %s (%s); it does every command but pareto, stats, costs and space, "
               "and is built beside prpnas (cmake --build)\n", helper.c_str(), std::strerror(errno));
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (!runs_here(argc, argv)) return hand_to_torch_program(argv);
  CLI::App app{"prpnas: the commands that need no torch"};
  app.require_subcommand(1);
  prpnas::cli::add_pareto_command(app);
  prpnas::cli::add_stats_command(app);
  prpnas::cli::add_space_command(app);
  prpnas::cli::add_costs_command(app);
  prpnas::cli::add_launch_command(app);
  return prpnas::cli::run_app(app, argc, argv);
}
