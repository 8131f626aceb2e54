// Helpers for a ChoiceMask (alive choices per decision, see search_space.h):
// checking its shape against a space, listing alive choices, and sampling an
// architecture among alive choices only. Pure: no torch.
#ifndef PRPNAS_SPACE_CHOICE_MASK_H_
#define PRPNAS_SPACE_CHOICE_MASK_H_

#include <cstdint>
#include <random>
#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::space {

// Throws ConfigError unless `alive` has one row per decision of `space`, each
// as long as that decision's choice list, with at least one alive choice.
void check_mask(const SearchSpace& space, const ChoiceMask& alive);

// Indices of the alive choices of one decision, ascending.
std::vector<int> alive_choices(const ChoiceMask& alive, int decision);

// Number of architectures using only alive choices: the product of the alive
// counts per decision, saturating at UINT64_MAX. Checks the mask (check_mask).
std::uint64_t alive_size(const SearchSpace& space, const ChoiceMask& alive);

// True when every choice of `arch` is in range and alive.
bool uses_only_alive(const ChoiceMask& alive, const Architecture& arch);

// One architecture drawn uniformly among the alive choices of each decision,
// independently. Draws `rng() % n` per decision (no std::uniform_int_distribution)
// so that a seed gives the same architectures with every standard library;
// the modulo bias is below n / 2^64. Checks the mask as check_mask does.
Architecture sample_alive(const SearchSpace& space, const ChoiceMask& alive, std::mt19937_64& rng);

}  // namespace prpnas::space

#endif  // PRPNAS_SPACE_CHOICE_MASK_H_
