#include "prpnas/util/seed_list.h"

#include <set>
#include <string>

#include "prpnas/util/error.h"
#include "prpnas/util/number_text.h"
#include "prpnas/util/printable.h"

namespace prpnas {
namespace {

std::uint64_t seed_number(std::string_view text, std::string_view field, std::string_view item) {
  const std::optional<int64_t> n = parse_whole(text);
  if (!n || *n < 0) {
    throw ConfigError(std::string(field) + ": " + echoed(item) +
                      " is not a seed; give whole numbers >= 0 and ranges like 0-4, separated by commas");
  }
  return static_cast<std::uint64_t>(*n);
}

}  // namespace

std::vector<std::uint64_t> parse_seed_list(std::string_view text, std::string_view field) {
  std::vector<std::uint64_t> seeds;
  std::set<std::uint64_t> seen;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::string_view item = text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
    if (without_blanks(item).empty()) {
      throw ConfigError(std::string(field) + ": an empty item in " + echoed(text) + "; e.g. 0-4 or 0,2,7");
    }
    // A dash after the first character separates a range ("-3" alone is a negative number).
    const std::string_view trimmed = without_blanks(item);
    const std::size_t dash = trimmed.find('-', 1);
    std::uint64_t first = 0, last = 0;
    if (dash == std::string_view::npos) {
      first = last = seed_number(trimmed, field, item);
    } else {
      first = seed_number(trimmed.substr(0, dash), field, item);
      last = seed_number(trimmed.substr(dash + 1), field, item);
      if (last < first) {
        throw ConfigError(std::string(field) + ": the range " + echoed(item) + " ends below its start");
      }
    }
    if (last - first >= kMaxSeeds || seeds.size() + (last - first + 1) > kMaxSeeds) {
      throw ConfigError(std::string(field) + ": more than " + std::to_string(kMaxSeeds) + " seeds");
    }
    for (std::uint64_t s = first; s <= last; ++s) {
      if (!seen.insert(s).second) {
        throw ConfigError(std::string(field) + ": seed " + std::to_string(s) + " is given twice");
      }
      seeds.push_back(s);
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return seeds;
}

}  // namespace prpnas
