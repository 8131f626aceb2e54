// A list of seeds as a person types it (`--seeds 0-4`, `--seeds 0,2,7-9`):
// comma-separated whole numbers and inclusive ranges A-B, in the order given.
#ifndef PRPNAS_UTIL_SEED_LIST_H_
#define PRPNAS_UTIL_SEED_LIST_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace prpnas {

// More seeds than anyone runs by hand: a typo like 0-40000 fails fast.
inline constexpr std::size_t kMaxSeeds = 1000;

// The seeds of `text`. Throws ConfigError naming `field` and the bad part on
// an empty item, a number that is not decimal by util/number_text.h's rule
// or negative, a range whose end is below its start, a repeated seed, or
// more than kMaxSeeds seeds.
std::vector<std::uint64_t> parse_seed_list(std::string_view text, std::string_view field);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_SEED_LIST_H_
