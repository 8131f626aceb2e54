#include "prpnas/util/thread_count.h"

#include <algorithm>
#include <thread>

#include "prpnas/util/error.h"

namespace prpnas {

void check_thread_count(int value, const std::string& field) {
  const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  if (value < 1 || value > 4 * cores) {
    throw ConfigError(field + " = " + std::to_string(value) + ": use 1 to " + std::to_string(4 * cores) +
                      " (4 x this machine's " + std::to_string(cores) + " hardware threads)");
  }
}

}  // namespace prpnas
