// `prpnas launch`: N workers of one command on this machine, as torchrun
// starts them: each gets RANK, LOCAL_RANK, WORLD_SIZE, LOCAL_WORLD_SIZE,
// MASTER_ADDR and MASTER_PORT, and they meet through a FileStore in a fresh
// temporary directory (PRPNAS_STORE_FILE), removed at the end. Torch-free.
//
// SIGINT, SIGTERM and SIGHUP to the launcher go to every worker (each in its
// own process group, so a terminal's Ctrl-C arrives once). When a worker
// fails (a non-zero exit or a signal), the launcher says which, sends the
// others SIGTERM, SIGKILL after the timeout, and exits with the failed
// worker's status (128 + signal for a signal).
#ifndef PRPNAS_DIST_LOCAL_LAUNCHER_H_
#define PRPNAS_DIST_LOCAL_LAUNCHER_H_

#include <cstdio>
#include <string>
#include <vector>

namespace prpnas::dist {

struct LocalLaunch {
  int processes = 2;
  std::vector<std::string> command;  // program (found on PATH) and arguments
  double timeout_seconds = 60;       // also passed on as PRPNAS_DIST_TIMEOUT
  std::FILE* log = stderr;           // the launcher's own lines
};

// Runs the workers to the end; returns the exit status for the launcher.
// Throws ConfigError for fewer than 1 process or an empty command.
int launch_local(const LocalLaunch& launch);

}  // namespace prpnas::dist

#endif  // PRPNAS_DIST_LOCAL_LAUNCHER_H_
