#include "prpnas/report/text.h"

#include <cctype>
#include <cmath>
#include <cstddef>

#include <fmt/core.h>

namespace prpnas::report {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool equals_lower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != lower[i]) return false;
  }
  return true;
}

}  // namespace

bool looks_numeric(std::string_view cell) {
  while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
  while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
  if (!cell.empty() && cell.back() == '%') cell.remove_suffix(1);
  if (!cell.empty() && (cell.front() == '+' || cell.front() == '-')) cell.remove_prefix(1);
  if (equals_lower(cell, "nan") || equals_lower(cell, "inf")) return true;
  // Hand-written rather than strtod, which also takes hex, "infinity" and
  // leading spaces that a table should not call numbers.
  std::size_t i = 0, digits = 0;
  while (i < cell.size() && is_digit(cell[i])) ++i, ++digits;
  if (i < cell.size() && cell[i] == '.') {
    ++i;
    while (i < cell.size() && is_digit(cell[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < cell.size() && (cell[i] == 'e' || cell[i] == 'E')) {
    ++i;
    if (i < cell.size() && (cell[i] == '+' || cell[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < cell.size() && is_digit(cell[i])) ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == cell.size();
}

std::string with_interval(double value, double low, double high) {
  if (!std::isfinite(value)) return "-";
  if (!std::isfinite(low) || !std::isfinite(high)) return fmt::format("{:.3f}", value);
  return fmt::format("{:.3f} [{:.2f}, {:.2f}]", value, low, high);
}

}  // namespace prpnas::report
