// Shared by the libFuzzer targets (one per parser, fuzz/*_fuzz.cc; run them
// with scripts/fuzz). A target feeds its input to a parser and checks what
// every input must satisfy: a prpnas::Error for bad input, with a bounded
// one-line message; anything else (another exception, a crash, a sanitizer
// report, a broken round trip) is a finding.
#ifndef PRPNAS_FUZZ_FUZZ_SUPPORT_H_
#define PRPNAS_FUZZ_FUZZ_SUPPORT_H_

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include "prpnas/space/search_space.h"
#include "prpnas/util/error.h"

namespace prpnas::fuzz {

// Stops the run with `what`: libFuzzer saves the input that did it.
inline void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz property violated: %s\n", what);
    std::abort();
  }
}

// Error lines the user sees echo at most 80 bytes of any value, so a message
// stays short however large the input; and it is one line.
inline void check_message(const Error& e) {
  const std::string_view what = e.what();
  require(what.size() < 4096, "an error message longer than 4 KiB");
  require(what.find('\n') == std::string_view::npos, "an error message of several lines");
}

// The space a target's first input byte picks: every space, so that a new
// one is fuzzed as soon as it is listed here.
inline const space::SearchSpace& space_of(uint8_t byte) {
  static const std::unique_ptr<space::SearchSpace> spaces[] = {space::make_search_space("nb201"),
                                                               space::make_search_space("chain")};
  return *spaces[byte % std::size(spaces)];
}

inline std::string_view as_text(const uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A private folder for the files a target writes, one per process.
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    const std::filesystem::path d = std::filesystem::temp_directory_path() / ("prpnas-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

// Writes `bytes` to NAME in the scratch folder and returns its path.
inline std::string write_input(std::string_view bytes, const std::string& name) {
  const std::string path = (scratch_dir() / name).string();
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

}  // namespace prpnas::fuzz

#endif  // PRPNAS_FUZZ_FUZZ_SUPPORT_H_
