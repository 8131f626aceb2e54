// Threads and parallel jobs asked for by a user, bounded by the machine: at
// least 1, at most 4 x its hardware threads (more only oversubscribes it,
// and 10,000 would spawn 10,000 threads).
#ifndef PRPNAS_UTIL_THREAD_COUNT_H_
#define PRPNAS_UTIL_THREAD_COUNT_H_

#include <string>

namespace prpnas {

// Throws ConfigError naming `field` (e.g. "--jobs", "threads") and the bound.
void check_thread_count(int value, const std::string& field);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_THREAD_COUNT_H_
