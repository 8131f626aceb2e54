#include "prpnas/dist/local_launcher.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/core.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>

#include "prpnas/util/error.h"

namespace prpnas::dist {
namespace {

volatile std::sig_atomic_t forwarded_signal = 0;

void remember_signal(int signal) { forwarded_signal = signal; }

// Without SA_RESTART, so that waitpid returns to forward it.
void catch_signals() {
  struct sigaction action = {};
  action.sa_handler = remember_signal;
  sigemptyset(&action.sa_mask);
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaction(signal, &action, nullptr);
}

[[noreturn]] void exec_worker(const LocalLaunch& launch, int rank, const std::string& store) {
  setpgid(0, 0);
  const std::string n = std::to_string(launch.processes);
  setenv("RANK", std::to_string(rank).c_str(), 1);
  setenv("LOCAL_RANK", std::to_string(rank).c_str(), 1);
  setenv("WORLD_SIZE", n.c_str(), 1);
  setenv("LOCAL_WORLD_SIZE", n.c_str(), 1);
  setenv("MASTER_ADDR", "127.0.0.1", 1);
  setenv("MASTER_PORT", "29500", 1);  // unused: the FileStore below is how they meet
  setenv("PRPNAS_STORE_FILE", store.c_str(), 1);
  setenv("PRPNAS_DIST_TIMEOUT", fmt::format("{}", launch.timeout_seconds).c_str(), 1);
  std::vector<char*> argv;
  for (const std::string& a : launch.command) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execvp(argv[0], argv.data());
  std::fprintf(stderr, "prpnas launch: error: cannot run %s (%s)\n", argv[0], std::strerror(errno));
  _exit(127);
}

int status_code(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

std::string status_text(int status) {
  if (WIFEXITED(status)) return fmt::format("exited with status {}", WEXITSTATUS(status));
  return fmt::format("was killed by signal {} ({})", WTERMSIG(status), strsignal(WTERMSIG(status)));
}

std::string temporary_directory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "prpnas-launch-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw Error(fmt::format("prpnas launch: cannot make a directory like {} ({}); set TMPDIR to a writable one",
                            pattern, std::strerror(errno)));
  }
  return pattern;
}

}  // namespace

int launch_local(const LocalLaunch& launch) {
  if (launch.processes < 1) throw ConfigError("launch --nproc: use 1 or more processes");
  if (launch.command.empty()) throw ConfigError("launch: give the command after --, e.g. prpnas launch -- prpnas train");
  const std::string directory = temporary_directory();
  catch_signals();
  std::vector<pid_t> workers(static_cast<std::size_t>(launch.processes), -1);
  for (int rank = 0; rank < launch.processes; ++rank) {
    const pid_t pid = fork();
    if (pid < 0) throw Error(fmt::format("prpnas launch: cannot start rank {} ({})", rank, std::strerror(errno)));
    if (pid == 0) exec_worker(launch, rank, directory + "/store");
    setpgid(pid, pid);  // also here: no race with the child's own call
    workers[static_cast<std::size_t>(rank)] = pid;
  }
  int result = 0, running = launch.processes;
  bool stopping = false, interrupted = false;
  auto kill_deadline = std::chrono::steady_clock::time_point::max();
  auto signal_all = [&](int signal) {
    for (pid_t pid : workers) {
      if (pid > 0) kill(-pid, signal);
    }
  };
  while (running > 0) {
    if (const int signal = forwarded_signal) {
      forwarded_signal = 0;
      interrupted = true;  // the workers' own lines say what they kept
      signal_all(signal);
    }
    if (stopping && std::chrono::steady_clock::now() > kill_deadline) {
      fmt::print(launch.log, "prpnas launch: the others did not stop within {} s; killing them\n", launch.timeout_seconds);
      signal_all(SIGKILL);
      kill_deadline = std::chrono::steady_clock::time_point::max();
    }
    int status = 0;
    const pid_t pid = waitpid(-1, &status, stopping ? WNOHANG : 0);
    if (pid == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      continue;
    }
    if (pid < 0) continue;  // EINTR: a signal to forward
    for (std::size_t rank = 0; rank < workers.size(); ++rank) {
      if (workers[rank] != pid) continue;
      workers[rank] = -1;
      --running;
      if (status_code(status) == 0 || stopping) break;
      result = status_code(status);
      if (interrupted) break;
      stopping = true;
      fmt::print(launch.log, "prpnas launch: rank {} {}; stopping the other {}\n", rank, status_text(status), running);
      std::fflush(launch.log);
      signal_all(SIGTERM);
      kill_deadline = std::chrono::steady_clock::now() +
                      std::chrono::milliseconds(static_cast<int64_t>(launch.timeout_seconds * 1000));
    }
  }
  std::error_code ignored;
  std::filesystem::remove_all(directory, ignored);
  return result;
}

}  // namespace prpnas::dist
