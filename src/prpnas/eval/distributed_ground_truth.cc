#include "prpnas/eval/distributed_ground_truth.h"

#include <chrono>
#include <csignal>
#include <exception>
#include <mutex>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "prpnas/dist/heartbeat.h"
#include "prpnas/dist/process_group.h"
#include "prpnas/util/error.h"
#include "prpnas/util/interruption.h"
#include "prpnas/util/progress.h"

namespace prpnas::eval {
namespace {

// The store's keys of one call (all ranks count their calls alike).
struct Keys {
  explicit Keys(int call) : prefix(fmt::format("ground-truth/{}/", call)) {}
  std::string next() const { return prefix + "next"; }
  std::string sent() const { return prefix + "sent"; }
  std::string row(int64_t k) const { return prefix + "row/" + std::to_string(k); }
  std::string failed() const { return prefix + "failed"; }
  std::string finished() const { return prefix + "finished"; }
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

// Rank 0: appends every sent row to `file` until all `n` are in, a rank
// failed, one is lost, or a signal came.
std::size_t drain(dist::ProcessGroup& group, const Keys& keys, const dist::Heartbeat& heartbeat, std::size_t n,
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
  const dist::Heartbeat heartbeat(group, keys.prefix + "heartbeat");
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
  // Rank 0 has every row when it gets here; the others wait for it, beating.
  dist::wait_for_ranks(group, keys.finished(), heartbeat);
  return appended;
}

}  // namespace prpnas::eval
