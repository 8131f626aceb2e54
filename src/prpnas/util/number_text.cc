#include "prpnas/util/number_text.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace prpnas {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the run of digits at `pos`.
std::size_t digits_at(std::string_view text, std::size_t pos) {
  std::size_t n = 0;
  while (pos + n < text.size() && is_digit(text[pos + n])) ++n;
  return n;
}

// `text` without its sign, when the rest is a decimal number; also whether
// it has a fraction or exponent. from_chars takes no '+', and alone would
// also take "inf" and "nan".
std::optional<std::string_view> decimal_body(std::string_view text, bool& whole) {
  text = without_blanks(text);
  std::size_t pos = (!text.empty() && (text[0] == '+' || text[0] == '-')) ? 1 : 0;
  const std::size_t integer = digits_at(text, pos);
  pos += integer;
  std::size_t fraction = 0;
  whole = true;
  if (pos < text.size() && text[pos] == '.') {
    fraction = digits_at(text, pos + 1);
    pos += 1 + fraction;
    whole = false;
  }
  if (integer + fraction == 0) return std::nullopt;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    std::size_t at = pos + 1;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
    const std::size_t exponent = digits_at(text, at);
    if (exponent == 0) return std::nullopt;
    pos = at + exponent;
    whole = false;
  }
  if (pos != text.size()) return std::nullopt;
  return text[0] == '+' ? text.substr(1) : text;
}

}  // namespace

std::string_view without_blanks(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

std::optional<double> parse_decimal(std::string_view text) {
  bool whole = false;
  const std::optional<std::string_view> body = decimal_body(text, whole);
  if (!body) return std::nullopt;
  // The grammar is checked, so strtod reads exactly it: overflow gives
  // infinity, refused; underflow ("1e-400") a fine zero or denormal.
  const double value = std::strtod(std::string(*body).c_str(), nullptr);
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<int64_t> parse_whole(std::string_view text) {
  bool whole = false;
  const std::optional<std::string_view> body = decimal_body(text, whole);
  if (!body || !whole) return std::nullopt;
  int64_t value = 0;
  const auto [end, error] = std::from_chars(body->data(), body->data() + body->size(), value);
  if (error != std::errc() || end != body->data() + body->size()) return std::nullopt;
  return value;
}

}  // namespace prpnas
