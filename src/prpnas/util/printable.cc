#include "prpnas/util/printable.h"

#include <fmt/core.h>

namespace prpnas {
namespace {

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

void append_escaped(std::string& out, std::string_view text) {
  for (const unsigned char c : text) {
    if (is_control(c)) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
}

// The largest cut <= `at` that does not split a UTF-8 sequence.
std::size_t character_boundary(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

}  // namespace

std::string echoed(std::string_view text) {
  std::string out = "'";
  const bool cut = text.size() > kMaxEchoed;
  append_escaped(out, text.substr(0, cut ? character_boundary(text, kMaxEchoed) : text.size()));
  out += cut ? "...'" : "'";
  return out;
}

std::string printable_line(std::string_view message, std::size_t max_bytes) {
  std::string out;
  append_escaped(out, message);
  if (out.size() <= max_bytes) return out;
  const std::size_t head = character_boundary(out, max_bytes * 2 / 3);
  const std::size_t tail_from = character_boundary(out, out.size() - (max_bytes - head));
  return fmt::format("{} [... {} bytes cut ...] {}", out.substr(0, head), tail_from - head, out.substr(tail_from));
}

}  // namespace prpnas
