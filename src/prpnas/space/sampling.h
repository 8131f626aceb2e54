// Every random draw of architectures, in one place. All samplers return
// valid architectures only (SearchSpace::is_valid), by rejection: a space
// whose every architecture is valid (NB201) draws exactly the numbers it drew
// before validity existed, so seeds keep their architectures. Pure: no torch.
#ifndef PRPNAS_SPACE_SAMPLING_H_
#define PRPNAS_SPACE_SAMPLING_H_

#include <cstdint>
#include <random>
#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::space {

// Consecutive invalid draws after which a sampler gives up with Error: the
// space or the mask then admits no valid architecture (or almost none).
inline constexpr int kMaxInvalidDraws = 10000;

// Uniform over the valid architectures: an independent
// std::uniform_int_distribution per decision, redrawn while invalid.
Architecture sample_uniform(const SearchSpace& space, std::mt19937_64& rng);

// Uniform over the valid architectures that use only alive choices. Draws
// `rng() % n` per decision (no std::uniform_int_distribution) so that a seed
// gives the same architectures with every standard library; the modulo bias
// is below n / 2^64. Checks the mask as check_mask does.
Architecture sample_alive(const SearchSpace& space, const ChoiceMask& alive, std::mt19937_64& rng);

// An architecture drawn from its own operation mix: one weight per distinct
// choice name from a symmetric Dirichlet(concentration), then each decision
// picks among its choices in proportion to their weights (uniformly if they
// all weigh nothing), redrawn while invalid. Why: a uniform draw of a deep
// space clusters at the average network (21 ProxylessNAS layers average out),
// too alike to order by training; a small concentration gives architectures
// dominated by a few operations, from light to heavy. Large ones approach
// sample_uniform. Throws Error unless concentration is finite and > 0.
Architecture sample_mixed(const SearchSpace& space, double concentration, std::mt19937_64& rng);

// `count` distinct valid architectures from sample_uniform with
// std::mt19937_64(seed), in draw order; all of them when the space has fewer
// (counted as valid_alive_size does with every choice alive).
std::vector<Architecture> distinct_sample(const SearchSpace& space, std::uint64_t count, std::uint64_t seed);

// The same draws with degenerate architectures (SearchSpace::is_degenerate)
// skipped: `count` distinct working ones. Throws Error after
// max(kMaxInvalidDraws, 100 * count) draws in a row that add none (fewer exist).
std::vector<Architecture> distinct_working_sample(const SearchSpace& space, std::uint64_t count, std::uint64_t seed);

}  // namespace prpnas::space

#endif  // PRPNAS_SPACE_SAMPLING_H_
