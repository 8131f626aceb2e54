#include "prpnas/eval/distributed_ground_truth.h"

#include <csignal>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "prpnas/dist/process_group.h"
#include "prpnas/util/error.h"
#include "prpnas/util/interruption.h"
#include "prpnas/util/progress.h"

namespace prpnas::eval {
namespace {

using Clock = std::chrono::steady_clock;

// The store's keys of one call (all ranks count their calls alike).
struct Keys {
  explicit Keys(int call) : prefix(fmt::format("ground-truth/{}/", call)) {}
  std::string next() const { return prefix + "next"; }
  std::string sent() const { return prefix + "sent"; }
  std::string row(int64_t k) const { return prefix + "row/" + std::to_string(k); }
  std::string failed() const { return prefix + "failed"; }
  std::string complete() const { return prefix + "complete"; }
  std::string beat(int rank) const { return prefix + "beat/" + std::to_string(rank); }
  std::string prefix;
};

std::string encode(const GroundTruthRow& r) {
  return nlohmann::json{{"arch", r.arch},         {"valid", r.valid_accuracy},   {"test", r.test_accuracy},
                        {"params", r.params},     {"flops", r.flops},            {"seconds", r.train_seconds},
                        {"rate", r.images_per_second}, {"loss", r.train_loss}}
      .dump();
}

GroundTruthRow decode(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text);
  return {j.at("arch"), j.at("valid"), j.at("test"), j.at("params"), j.at("flops"), j.at("seconds"), j.at("rate"),
          j.at("loss")};
}

int64_t whole(const std::string& text) { return text.empty() ? 0 : std::stoll(text); }

// Beats every second for this rank and watches the others': one whose beat
// has not moved for the timeout is lost, and this rank is asked to stop.
class Heartbeat {
 public:
  Heartbeat(dist::ProcessGroup& group, const Keys& keys) : group_(group), keys_(keys), thread_([this] { run(); }) {}
  ~Heartbeat() {
    stop_ = true;
    thread_.join();
  }
  std::string lost() const {
    std::lock_guard lock(mutex_);
    return lost_;
  }

 private:
  void run() {
    const int n = group_.size();
    std::vector<int64_t> last(static_cast<std::size_t>(n), -1);
    std::vector<Clock::time_point> moved(static_cast<std::size_t>(n), Clock::now());
    const auto timeout = std::chrono::duration<double>(group_.timeout_seconds());
    while (!stop_) {
      std::string lost;
      try {
        group_.store_add(keys_.beat(group_.rank()), 1);
        for (int r = 0; r < n && lost.empty(); ++r) {
          if (r == group_.rank()) continue;
          const int64_t beat = whole(group_.store_value(keys_.beat(r)));
          const auto i = static_cast<std::size_t>(r);
          if (beat != last[i]) {
            last[i] = beat;
            moved[i] = Clock::now();
          } else if (Clock::now() - moved[i] > timeout) {
            lost = fmt::format("distributed: rank {} lost rank {} (no heartbeat for {} s) during the ground truth; "
                               "run the same command again to train what the file lacks",
                               group_.rank(), r, group_.timeout_seconds());
          }
        }
      } catch (const dist::LostRank& e) {
        lost = e.what();
      }
      if (!lost.empty()) {
        std::lock_guard lock(mutex_);
        lost_ = lost;
        request_stop(SIGTERM);  // the trainings stop at their next batch
        return;
      }
      for (int t = 0; t < 10 && !stop_; ++t) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }

  dist::ProcessGroup& group_;
  const Keys& keys_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::string lost_;
  std::thread thread_;
};

// Rank 0: appends every sent row to `file` until all `n` are in, a rank
// failed, one is lost, or a signal came.
std::size_t drain(dist::ProcessGroup& group, const Keys& keys, const Heartbeat& heartbeat, std::size_t n,
                  GroundTruthFile& file, std::FILE* progress_out) {
  Progress progress("ground-truth", static_cast<int64_t>(n), "arch", progress_out, 0);
  std::size_t appended = 0;
  while (appended < n) {
    const std::string value = group.store_value(keys.row(static_cast<int64_t>(appended)));
    if (!value.empty()) {
      const GroundTruthRow row = decode(value);
      file.append(row);
      progress.update(static_cast<int64_t>(++appended),
                      fmt::format("{} valid {:.2f}% test {:.2f}%", row.arch, row.valid_accuracy, row.test_accuracy));
      continue;
    }
    if (const std::string failure = group.store_value(keys.failed()); !failure.empty()) throw Error(failure);
    if (const std::string lost = heartbeat.lost(); !lost.empty()) throw dist::LostRank(lost);
    if (stop_signal() != 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  progress.finish();
  return appended;
}

}  // namespace

std::size_t train_across_ranks(const space::SearchSpace& space, const std::vector<space::Architecture>& todo,
                               const data::DatasetSplits& data, const Fidelity& fidelity, GroundTruthFile* file,
                               int jobs, std::FILE* progress) {
  dist::ProcessGroup& group = dist::world();
  static int calls = 0;
  const Keys keys(calls++);
  const Heartbeat heartbeat(group, keys);
  Fidelity per_job = fidelity;
  per_job.train.show_progress = false;
  std::exception_ptr error;
  std::mutex mutex;
  auto worker = [&] {
    try {
      while (stop_signal() == 0 && group.store_value(keys.failed()).empty()) {
        const int64_t i = group.store_add(keys.next(), 1) - 1;
        if (i >= static_cast<int64_t>(todo.size())) break;
        const GroundTruthRow row = train_standalone(space, todo[static_cast<std::size_t>(i)], data, per_job);
        group.store_set(keys.row(group.store_add(keys.sent(), 1) - 1), encode(row));
      }
    } catch (const Interrupted&) {
      std::lock_guard lock(mutex);
      if (!error) error = std::current_exception();
    } catch (const std::exception& e) {
      std::lock_guard lock(mutex);
      if (!error) error = std::current_exception();
      try {  // the others stop at their next architecture; rank 0 stops draining
        group.store_set(keys.failed(), fmt::format("ground truth: rank {} failed: {}", group.rank(), e.what()));
      } catch (const std::exception&) {
      }
    }
  };
  std::vector<std::thread> workers;
  for (int j = 0; j < jobs; ++j) workers.emplace_back(worker);
  std::size_t appended = 0;
  std::exception_ptr drain_error;
  if (group.writes()) {
    try {
      appended = drain(group, keys, heartbeat, todo.size(), *file, progress);
    } catch (...) {
      drain_error = std::current_exception();
      request_stop(SIGTERM);
    }
  }
  for (auto& w : workers) w.join();
  if (const std::string lost = heartbeat.lost(); !lost.empty()) throw dist::LostRank(lost);
  if (error) std::rethrow_exception(error);
  if (drain_error) std::rethrow_exception(drain_error);
  if (const int signal = stop_signal(); signal != 0 && appended < todo.size()) {
    throw Interrupted(signal, fmt::format("ground truth: stopped by {}; {} rows are in the file, run the same "
                                          "command to resume", signal_name(signal), appended));
  }
  if (group.writes()) {
    group.store_set(keys.complete(), "1");
    return appended;
  }
  // The others wait, beating, until rank 0 has every row.
  while (group.store_value(keys.complete()).empty()) {
    if (const std::string failure = group.store_value(keys.failed()); !failure.empty()) throw Error(failure);
    if (const std::string lost = heartbeat.lost(); !lost.empty()) throw dist::LostRank(lost);
    if (const int signal = stop_signal()) throw Interrupted(signal, "ground truth: stopped by " + signal_name(signal));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return 0;
}

}  // namespace prpnas::eval
