// The one rule by which prpnas reads a number written as text: CSV cells,
// command-line options and objective references (TOML configs and JSON
// sidecars follow their own formats' grammar). Decimal notation only: an
// optional sign, digits with an optional fraction, an optional exponent
// ("12", "-0.5", "+.5", "1e-3"); spaces and tabs around it are ignored.
// Hexadecimal ("0x1p3", "0x10"), octal readings of "010", "inf", "nan",
// thousands separators and units are not numbers. docs/FORMATS.md states it.
#ifndef PRPNAS_UTIL_NUMBER_TEXT_H_
#define PRPNAS_UTIL_NUMBER_TEXT_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace prpnas {

// `text` without the spaces and tabs around it, which the rule ignores.
std::string_view without_blanks(std::string_view text);

// A finite number by the rule; nullopt otherwise (also when it overflows a
// double, e.g. 1e999).
std::optional<double> parse_decimal(std::string_view text);

// A whole number by the rule, without fraction or exponent ("-12", " 7 ");
// nullopt otherwise or when it does not fit int64.
std::optional<int64_t> parse_whole(std::string_view text);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_NUMBER_TEXT_H_
