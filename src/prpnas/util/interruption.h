// SIGINT and SIGTERM as a request to stop at the next safe point instead of
// at once. Long loops (supernet training steps, stand-alone training
// batches) poll stop_signal() there, keep what they have (a checkpoint; the
// finished ground-truth rows) and throw Interrupted; the CLI prints its
// message as one line and exits with 128 + the signal (130 for SIGINT, 143
// for SIGTERM). A second signal ends the process at once, as by default.
#ifndef PRPNAS_UTIL_INTERRUPTION_H_
#define PRPNAS_UTIL_INTERRUPTION_H_

#include <string>

#include "prpnas/util/error.h"

namespace prpnas {

// Installs the handlers; call once, early, from main.
void stop_at_safe_points_on_signals();

// The signal that asked to stop, or 0.
int stop_signal();

// Asks to stop as `signal` would (e.g. when another rank of a distributed
// job is lost): the same safe points see it.
void request_stop(int signal);

// "SIGINT", "SIGTERM" or "signal N".
std::string signal_name(int signal);

class Interrupted : public Error {
 public:
  Interrupted(int signal, const std::string& what) : Error(what), signal_(signal) {}
  int exit_code() const { return 128 + signal_; }

 private:
  int signal_;
};

}  // namespace prpnas

#endif  // PRPNAS_UTIL_INTERRUPTION_H_
