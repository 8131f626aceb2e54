#include "prpnas/util/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>

#include <fmt/core.h>

namespace prpnas {

Progress::Progress(std::string label, int64_t total, std::string unit, std::FILE* out,
                   double log_every_seconds, int64_t already_done)
    : label_(std::move(label)),
      unit_(std::move(unit)),
      total_(total),
      already_done_(already_done),
      out_(out),
      terminal_(out != nullptr && ::isatty(::fileno(out)) != 0),
      log_every_(log_every_seconds),
      start_(std::chrono::steady_clock::now()),
      last_print_(start_),
      done_(already_done) {}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::update(int64_t done, std::string_view extra) {
  done_ = done;
  const auto now = std::chrono::steady_clock::now();
  const double since = std::chrono::duration<double>(now - last_print_).count();
  if (since < (terminal_ ? 0.2 : log_every_)) return;
  last_print_ = now;
  print(done, extra, false);
}

void Progress::finish(std::string_view extra) { print(done_, extra, true); }

void Progress::print(int64_t done, std::string_view extra, bool final) {
  if (out_ == nullptr) return;
  const double elapsed = seconds();
  const double rate = elapsed > 0 ? static_cast<double>(done - already_done_) / elapsed : 0;
  // Slow work (architectures, epochs) reads better per minute.
  const std::string speed = rate >= 1 || rate == 0 ? fmt::format("{:.1f} {}/s", rate, unit_)
                                                   : fmt::format("{:.2f} {}/min", rate * 60, unit_);
  std::string line = fmt::format("{}: {}/{} {} ({}", label_, done, total_, unit_, speed);
  if (final) {
    line += ", " + format_duration(elapsed) + ")";
  } else if (rate > 0 && total_ > done) {
    line += ", ETA " + format_duration(static_cast<double>(total_ - done) / rate) + ")";
  } else {
    line += ")";
  }
  if (!extra.empty()) line += fmt::format(" {}", extra);
  if (terminal_) {
    fmt::print(out_, "\r\033[K{}{}", line, final ? "\n" : "");
  } else {
    fmt::print(out_, "{}\n", line);
  }
  std::fflush(out_);
}

std::string format_duration(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

}  // namespace prpnas
