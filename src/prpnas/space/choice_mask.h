// Helpers for a ChoiceMask (alive choices per decision, see search_space.h):
// checking its shape against a space, listing alive choices, counting the
// architectures they allow. Sampling among them: sampling.h. Pure: no torch.
#ifndef PRPNAS_SPACE_CHOICE_MASK_H_
#define PRPNAS_SPACE_CHOICE_MASK_H_

#include <cstdint>
#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::space {

// Throws ConfigError unless `alive` has one row per decision of `space`, each
// as long as that decision's choice list, with at least one alive choice.
void check_mask(const SearchSpace& space, const ChoiceMask& alive);

// The mask with only `arch`'s choices alive: its single path (stand-alone
// networks build only these). Throws ParseError for a bad architecture.
ChoiceMask path_mask(const SearchSpace& space, const Architecture& arch);

// Indices of the alive choices of one decision, ascending.
std::vector<int> alive_choices(const ChoiceMask& alive, int decision);

// Number of architectures using only alive choices: the product of the alive
// counts per decision, saturating at UINT64_MAX. Checks the mask (check_mask).
std::uint64_t alive_size(const SearchSpace& space, const ChoiceMask& alive);

// True when every choice of `arch` is in range and alive.
bool uses_only_alive(const ChoiceMask& alive, const Architecture& arch);

// Number of valid architectures (SearchSpace::is_valid) using only alive
// choices, by walking them; past kMaxValidityWalk alive architectures it is
// alive_size unwalked, an upper bound only a budget that large could notice.
// Searches and distinct samples stop there. Checks the mask.
inline constexpr std::uint64_t kMaxValidityWalk = std::uint64_t{1} << 20;
std::uint64_t valid_alive_size(const SearchSpace& space, const ChoiceMask& alive);

}  // namespace prpnas::space

#endif  // PRPNAS_SPACE_CHOICE_MASK_H_
