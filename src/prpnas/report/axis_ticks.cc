#include "prpnas/report/axis_ticks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "prpnas/util/error.h"

namespace prpnas::report {

namespace {

// The smallest of 1, 2, 5, 10 x 10^k that is >= raw (raw > 0).
double nice_step(double raw) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / magnitude;
  if (f <= 1 + 1e-9) return magnitude;
  if (f <= 2 + 1e-9) return 2 * magnitude;
  if (f <= 5 + 1e-9) return 5 * magnitude;
  return 10 * magnitude;
}

// "1e+06" -> "1e6", "3e-07" -> "3e-7": fmt's exponents are wider than a tick label needs.
std::string compact_exponent(std::string text) {
  const std::size_t e = text.find('e');
  if (e == std::string::npos) return text;
  std::size_t digits = e + 1;
  if (digits < text.size() && text[digits] == '+') text.erase(digits, 1);
  if (digits < text.size() && text[digits] == '-') ++digits;
  while (digits + 1 < text.size() && text[digits] == '0') text.erase(digits, 1);
  return text;
}

std::string linear_label(double value, double step, double largest) {
  if (value == 0) return "0";  // never "-0" or "0.000"
  const int step_exponent = static_cast<int>(std::floor(std::log10(step) + 1e-9));
  const int decimals = std::max(0, -step_exponent);
  if (decimals <= 5 && largest < 1e7) return fmt::format("{:.{}f}", value, decimals);
  // Tiny or huge: scientific, with as many digits as tell neighbouring ticks apart.
  const int digits = static_cast<int>(std::floor(std::log10(largest) + 1e-9)) - step_exponent + 1;
  return compact_exponent(fmt::format("{:.{}g}", value, std::max(1, digits)));
}

}  // namespace

Ticks linear_ticks(double lo, double hi, int target) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi) {
    throw ConfigError(
        fmt::format("axis range [{}, {}] is not an interval of finite numbers; "
                    "skip NaN and infinite values before plotting",
                    lo, hi));
  }
  const double largest = std::max(std::abs(lo), std::abs(hi));
  if (hi - lo <= 1e-9 * largest) {  // equal up to rounding: give the axis a length
    const double pad = largest == 0 ? 1 : 0.1 * largest;
    lo -= pad;
    hi += pad;
  }
  target = std::max(target, 2);
  // Divided first so that two huge ends of opposite sign cannot overflow.
  const double step = nice_step(hi / (target - 1) - lo / (target - 1));
  const double first = std::floor(lo / step + 1e-9), last = std::ceil(hi / step - 1e-9);
  Ticks ticks;
  for (double k = first; k <= last; ++k) {
    const double value = k * step;  // from the integer, so errors do not accumulate
    ticks.values.push_back(value);
    ticks.labels.push_back(linear_label(value, step, std::max(std::abs(first), std::abs(last)) * step));
  }
  ticks.lo = ticks.values.front();
  ticks.hi = ticks.values.back();
  return ticks;
}

Ticks log_ticks(double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || lo <= 0 || lo > hi) {
    throw ConfigError(
        fmt::format("log axis range [{}, {}] needs 0 < lo <= hi, both finite; "
                    "skip non-positive values before plotting",
                    lo, hi));
  }
  int a = static_cast<int>(std::floor(std::log10(lo) + 1e-12));
  int b = static_cast<int>(std::ceil(std::log10(hi) - 1e-12));
  if (a >= b) {  // one power of ten: centre it in two decades
    a = std::min(a, b) - 1;
    b = a + 2;
  }
  const int decades = b - a;
  const std::vector<double> multipliers =
      decades <= 2 ? std::vector<double>{1, 2, 5} : std::vector<double>{1};
  const int every = std::max(1, (decades + 7) / 8);
  b = a + (decades + every - 1) / every * every;  // so the last tick is a thinned decade too
  Ticks ticks;
  for (int e = a; e <= b; e += every) {
    for (const double m : multipliers) {
      if (e == b && m > 1) break;
      const double value = m * std::pow(10.0, e);
      ticks.values.push_back(value);
      ticks.labels.push_back(compact_exponent(fmt::format("{:g}", value)));
    }
  }
  ticks.lo = ticks.values.front();
  ticks.hi = ticks.values.back();
  return ticks;
}

}  // namespace prpnas::report
