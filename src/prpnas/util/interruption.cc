#include "prpnas/util/interruption.h"

#include <signal.h>

#include <atomic>

namespace prpnas {

namespace {

std::atomic<int> requested{0};
static_assert(std::atomic<int>::is_always_lock_free, "a signal handler may only touch lock-free atomics");

extern "C" void on_stop_signal(int signal) {
  requested.store(signal);
  ::signal(signal, SIG_DFL);  // a second one ends the process at once
}

}  // namespace

void stop_at_safe_points_on_signals() {
  struct sigaction action = {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  for (int signal : {SIGINT, SIGTERM}) sigaction(signal, &action, nullptr);
}

int stop_signal() { return requested.load(); }

void request_stop(int signal) { requested.store(signal); }

std::string signal_name(int signal) {
  if (signal == SIGINT) return "SIGINT";
  if (signal == SIGTERM) return "SIGTERM";
  return "signal " + std::to_string(signal);
}

}  // namespace prpnas
