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

// Removes the temporary files that writers killed mid-write (kill -9) left:
// every file directly in `directory` whose name holds kTemporarySuffix. Call
// it only while holding the output's lock (util/file_lock.h): a live
// writer's temporary file looks the same.
void remove_stale_temporaries_in(const std::string& directory);
// Only those of `path` and its sidecars (PATH.tmp.*, PATH.json.tmp.*).
void remove_stale_temporaries_of(const std::string& path);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_ATOMIC_FILE_H_
