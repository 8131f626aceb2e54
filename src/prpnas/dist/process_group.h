// The ranks of a distributed job, on PyTorch's c10d with the Gloo backend
// (the only one Debian's CPU libtorch has): the collectives prpnas uses, each
// bounded by the launch environment's timeout. One group per process, as
// torch.distributed's default group: world() joins the group the launch
// environment describes on its first call (a group of one, every collective
// a no-op, when no launcher started this process).
//
// A collective that fails (a rank was killed, hangs past the timeout, or the
// network broke) throws LostRank naming the rank(s) that did not report the
// failure themselves within a few seconds: the lost ones. Every surviving
// rank so stops within the timeout, and a rerun resumes from the last
// checkpoint.
#ifndef PRPNAS_DIST_PROCESS_GROUP_H_
#define PRPNAS_DIST_PROCESS_GROUP_H_

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "prpnas/dist/launch_environment.h"
#include "prpnas/util/error.h"

namespace prpnas::dist {

class LostRank : public Error {
 public:
  using Error::Error;
};

// What the collectives of this process moved, for the figures of a run.
struct Traffic {
  int64_t collectives = 0;
  int64_t bytes = 0;      // tensor bytes this rank contributed
  double seconds = 0;     // wall time inside collectives, waiting included
};

class ProcessGroup {
 public:
  ProcessGroup();  // a group of one
  // Joins the group `env` describes: blocks until every rank has joined (up
  // to the timeout, then LostRank).
  explicit ProcessGroup(const LaunchEnvironment& env);
  ~ProcessGroup();
  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool distributed() const { return size_ > 1; }
  // Rank 0 writes the files of a run; the others only compute.
  bool writes() const { return rank_ == 0; }

  // In place, every rank gets the element-wise sum (bit-identical on all).
  void sum(torch::Tensor& tensor, const char* what);
  // In place, every rank gets the element-wise maximum.
  void max(torch::Tensor& tensor, const char* what);
  // In place, every rank gets rank `root`'s tensor.
  void broadcast(torch::Tensor& tensor, int root, const char* what);
  // The largest `value` of any rank.
  int64_t max(int64_t value, const char* what);
  // Rank 0's `value`, on every rank.
  int64_t from_rank0(int64_t value, const char* what);
  // Returns when every rank has called it.
  void barrier(const char* what) { max(int64_t{0}, what); }

  // The job's key-value store (c10d's), for work handed out as it finishes
  // rather than in lockstep; safe from several threads. Keys are the
  // caller's; a lost store throws LostRank naming rank 0, which serves it.
  int64_t store_add(const std::string& key, int64_t delta);  // returns the new value
  void store_set(const std::string& key, const std::string& value);
  // The value, or "" when the key is not set.
  std::string store_value(const std::string& key);
  double timeout_seconds() const { return timeout_seconds_; }

  const Traffic& traffic() const { return traffic_; }

 private:
  struct Gloo;
  template <class Collective>
  void run(const char* what, int64_t bytes, const Collective& collective);
  [[noreturn]] void lost(const char* what, const std::string& cause);

  int rank_ = 0;
  int size_ = 1;
  double timeout_seconds_ = 60;
  std::unique_ptr<Gloo> gloo_;
  std::mutex store_mutex_;
  Traffic traffic_;
};

// This process's group; the first call joins it (ConfigError for a malformed
// environment, LostRank when the others do not come within the timeout).
ProcessGroup& world();

// While one lives, world() is a group of one: a rank does work of its own
// (a whole run of an experiment) exactly as one process would, writing its
// own files. The joined group comes back at its end.
class SoloScope {
 public:
  SoloScope();
  ~SoloScope();
  SoloScope(const SoloScope&) = delete;
  SoloScope& operator=(const SoloScope&) = delete;

 private:
  ProcessGroup* saved_;
};

}  // namespace prpnas::dist

#endif  // PRPNAS_DIST_PROCESS_GROUP_H_
