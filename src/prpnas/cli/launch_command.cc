// `prpnas launch --nproc N -- <command>`: N local workers of a distributed
// job (dist/local_launcher.h). A first word `prpnas` is this very program,
// so the workers run the launcher's build.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "prpnas/cli/commands.h"
#include "prpnas/dist/local_launcher.h"

namespace prpnas::cli {

void add_launch_command(CLI::App& app) {
  auto launch = std::make_shared<dist::LocalLaunch>();
  CLI::App* sub = app.add_subcommand(
      "launch", "Run a command as N ranks of a distributed job on this machine (as torchrun does)");
  sub->add_option("--nproc", launch->processes, "Number of worker processes")->capture_default_str();
  sub->add_option("--timeout", launch->timeout_seconds,
                  "Seconds a rank waits for a lost or hung one before every rank stops")
      ->capture_default_str();
  sub->add_option("command", launch->command, "The command each rank runs, after --")->required();
  sub->callback([launch] {
    if (!launch->command.empty() && launch->command[0] == "prpnas") {
      std::error_code error;
      const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
      if (!error) launch->command[0] = self.string();
    }
    const int status = dist::launch_local(*launch);
    std::fflush(stdout);
    if (status != 0) std::exit(status);
  });
}

}  // namespace prpnas::cli
