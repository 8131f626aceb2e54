// Writes a whole file so that readers see either the old or the new content,
// never a half-written one, even if the process is killed: write a temporary
// file beside the target, flush it to disk, then rename it over the target.
#ifndef PRPNAS_UTIL_ATOMIC_FILE_H_
#define PRPNAS_UTIL_ATOMIC_FILE_H_

#include <string>
#include <string_view>

namespace prpnas {

// The temporary file is PATH.tmp.XXXXXX (random, created exclusively).
inline constexpr const char* kTemporarySuffix = ".tmp.";

// Throws Error naming the path when any step fails; the target is untouched then.
void write_file_atomically(const std::string& path, std::string_view contents);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_ATOMIC_FILE_H_
