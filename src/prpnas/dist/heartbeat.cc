#include "prpnas/dist/heartbeat.h"

#include <chrono>
#include <csignal>
#include <vector>

#include <fmt/core.h>

#include "prpnas/util/interruption.h"

namespace prpnas::dist {
namespace {

using Clock = std::chrono::steady_clock;

std::string beat_key(const std::string& name, int rank) { return fmt::format("{}/beat/{}", name, rank); }

int64_t whole(const std::string& text) { return text.empty() ? 0 : std::stoll(text); }

}  // namespace

Heartbeat::Heartbeat(ProcessGroup& group, std::string name)
    : group_(group), name_(std::move(name)), thread_([this] { run(); }) {}

Heartbeat::~Heartbeat() {
  stop_ = true;
  thread_.join();
}

std::string Heartbeat::lost() const {
  std::lock_guard lock(mutex_);
  return lost_;
}

void Heartbeat::check() const {
  if (const std::string message = lost(); !message.empty()) throw LostRank(message);
  if (const int signal = stop_signal()) {
    throw Interrupted(signal, fmt::format("{}: stopped by {}; run the same command to resume", name_,
                                          signal_name(signal)));
  }
}

void Heartbeat::run() {
  const int n = group_.size();
  std::vector<int64_t> last(static_cast<std::size_t>(n), -1);
  std::vector<Clock::time_point> moved(static_cast<std::size_t>(n), Clock::now());
  const auto timeout = std::chrono::duration<double>(group_.timeout_seconds());
  while (!stop_) {
    std::string lost;
    try {
      group_.store_add(beat_key(name_, group_.rank()), 1);
      for (int r = 0; r < n && lost.empty(); ++r) {
        if (r == group_.rank()) continue;
        const auto i = static_cast<std::size_t>(r);
        const int64_t beat = whole(group_.store_value(beat_key(name_, r)));
        if (beat != last[i]) {
          last[i] = beat;
          moved[i] = Clock::now();
        } else if (Clock::now() - moved[i] > timeout) {
          lost = fmt::format("distributed: rank {} lost rank {} (no heartbeat for {} s) during {}; run the same "
                             "command again to resume",
                             group_.rank(), r, group_.timeout_seconds(), name_);
        }
      }
    } catch (const LostRank& e) {
      lost = e.what();
    }
    if (!lost.empty()) {
      std::lock_guard lock(mutex_);
      lost_ = lost;
      request_stop(SIGTERM);  // the work stops at its next safe point
      return;
    }
    for (int t = 0; t < 10 && !stop_; ++t) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

void wait_for_ranks(ProcessGroup& group, const std::string& point, const Heartbeat& heartbeat) {
  if (!group.distributed()) return;
  group.store_add(point, 1);
  while (whole(group.store_value(point)) < group.size()) {
    heartbeat.check();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace prpnas::dist
