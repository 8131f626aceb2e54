// Progress of long work. On a terminal: one line rewritten in place with
// done/total, rate and ETA. Otherwise (a log file, CI): a plain line at most
// every `log_every_seconds`, so logs stay readable.
#ifndef PRPNAS_UTIL_PROGRESS_H_
#define PRPNAS_UTIL_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace prpnas {

class Progress {
 public:
  // `unit` names what is counted, e.g. "img" or "arch". A null `out` prints
  // nothing but still keeps time. `already_done` units were done before this
  // process (a resumed run): they count towards done/total, not the rate.
  Progress(std::string label, int64_t total, std::string unit, std::FILE* out = stderr,
           double log_every_seconds = 10, int64_t already_done = 0);

  // Reports `done` units so far; cheap to call often (prints rate-limited).
  void update(int64_t done, std::string_view extra = {});
  // Prints the final line (always) and ends the in-place line.
  void finish(std::string_view extra = {});

  double seconds() const;

 private:
  void print(int64_t done, std::string_view extra, bool final);

  std::string label_, unit_;
  int64_t total_, already_done_;
  std::FILE* out_;
  bool terminal_;
  double log_every_;
  std::chrono::steady_clock::time_point start_, last_print_;
  int64_t done_;
};

// "1h02m", "3m05s", "42s".
std::string format_duration(double seconds);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_PROGRESS_H_
