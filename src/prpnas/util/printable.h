// User input made safe to echo in a one-line error: a 12 MB architecture
// string or a terminal escape sequence from a hostile file must neither flood
// nor drive the user's terminal.
#ifndef PRPNAS_UTIL_PRINTABLE_H_
#define PRPNAS_UTIL_PRINTABLE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace prpnas {

// Echoed values keep this many bytes, then "...".
inline constexpr std::size_t kMaxEchoed = 80;

// `text` in single quotes, cut after kMaxEchoed bytes (on a UTF-8 character
// boundary) with "...", control bytes (NUL, ESC, newline, DEL...) as \xNN.
std::string echoed(std::string_view text);

// A whole message as one printable line: control bytes as \xNN, and at most
// `max_bytes` bytes, cut in the middle so that the start (what is wrong)
// and the end (what to do) both survive.
std::string printable_line(std::string_view message, std::size_t max_bytes = 1000);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_PRINTABLE_H_
