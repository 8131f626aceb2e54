// Liveness of the ranks when they work apart for minutes (whole runs, stand-
// alone trainings) instead of in lockstep: a collective would time out, so
// each rank beats in the job's store every second instead, and a rank whose
// beat has not moved for the timeout is lost.
#ifndef PRPNAS_DIST_HEARTBEAT_H_
#define PRPNAS_DIST_HEARTBEAT_H_

#include <atomic>
#include <mutex>
#include <string>
#include <thread>

#include "prpnas/dist/process_group.h"

namespace prpnas::dist {

class Heartbeat {
 public:
  // Starts beating under `name` (the same on every rank; one per phase).
  // When another rank is found lost, remembers it and asks this process to
  // stop at its next safe point (request_stop), as a signal would.
  Heartbeat(ProcessGroup& group, std::string name);
  ~Heartbeat();
  Heartbeat(const Heartbeat&) = delete;
  Heartbeat& operator=(const Heartbeat&) = delete;

  // "" while every rank beats; else the one-line message naming the lost rank.
  std::string lost() const;
  // Throws LostRank when a rank is lost, Interrupted on a signal to this one.
  void check() const;

 private:
  void run();

  ProcessGroup& group_;
  const std::string name_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::string lost_;
  std::thread thread_;
};

// Marks this rank as at `point`, then blocks until every rank is, checking
// `heartbeat` meanwhile (so a lost rank ends the wait within the timeout).
void wait_for_ranks(ProcessGroup& group, const std::string& point, const Heartbeat& heartbeat);

}  // namespace prpnas::dist

#endif  // PRPNAS_DIST_HEARTBEAT_H_
