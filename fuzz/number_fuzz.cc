// The number rule (util/number_text.h) against strtod: what it accepts,
// strtod reads whole to the same value, and it never takes hex, inf or nan.
#include <cmath>
#include <string>

#include "fuzz_support.h"
#include "prpnas/util/number_text.h"

using namespace prpnas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text(fuzz::as_text(data, size));
  const std::optional<double> value = parse_decimal(text);
  const std::optional<int64_t> whole = parse_whole(text);
  fuzz::require(!whole || value, "a whole number that is not a number");
  if (!value) return 0;
  fuzz::require(std::isfinite(*value), "a non-finite number");
  const std::size_t begin = text.find_first_not_of(" \t"), last = text.find_last_not_of(" \t");
  const std::string body = text.substr(begin, last - begin + 1);
  fuzz::require(body.find_first_of("xXpPiInNaA") == std::string::npos, "hex, inf or nan read as a number");
  char* end = nullptr;
  const double reference = std::strtod(body.c_str(), &end);
  fuzz::require(end == body.c_str() + body.size(), "strtod stops early on an accepted number");
  fuzz::require(reference == *value, "a value other than strtod's");
  if (whole) fuzz::require(static_cast<double>(*whole) == reference, "a whole number other than strtod's");
  return 0;
}
