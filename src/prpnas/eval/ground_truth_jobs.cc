#include "prpnas/eval/ground_truth_jobs.h"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include <fmt/core.h>

#include "prpnas/util/error.h"
#include "prpnas/util/thread_count.h"
#include "prpnas/util/progress.h"

namespace prpnas::eval {

std::size_t train_missing(const space::SearchSpace& space, const std::vector<space::Architecture>& archs,
                          const data::DatasetSplits& data, const Fidelity& fidelity, GroundTruthFile& file,
                          int jobs, std::FILE* progress_out) {
  check_thread_count(jobs, "jobs");
  std::vector<space::Architecture> todo;
  for (const auto& arch : archs) {
    if (!file.contains(space.format(arch))) todo.push_back(arch);
  }
  if (todo.empty()) return 0;
  Fidelity per_job = fidelity;
  per_job.train.show_progress = jobs == 1 && progress_out != nullptr;
  Progress progress("ground-truth", static_cast<int64_t>(todo.size()), "arch", progress_out, 0);
  std::atomic<std::size_t> next{0}, done{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex mutex;  // guards error and progress
  auto worker = [&] {
    for (std::size_t i; !failed && (i = next++) < todo.size();) {
      try {
        const GroundTruthRow row = train_standalone(space, todo[i], data, per_job);
        file.append(row);
        std::lock_guard lock(mutex);
        progress.update(static_cast<int64_t>(++done),
                        fmt::format("{} valid {:.2f}% test {:.2f}%", row.arch, row.valid_accuracy, row.test_accuracy));
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> workers;
  for (int j = 0; j < jobs; ++j) workers.emplace_back(worker);
  for (auto& w : workers) w.join();
  if (error) std::rethrow_exception(error);
  progress.finish();
  return todo.size();
}

}  // namespace prpnas::eval
