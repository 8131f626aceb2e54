// What `prpnas space info|enumerate|sample` list: a space's counts, its
// architectures in index order, seeded uniform draws. "Valid" on the command
// line means "not degenerate" (the flag predates the space's own validity
// rule); combinations a space does not allow are never listed, drawn or
// counted as architectures.
#ifndef PRPNAS_RUN_SPACE_LISTING_H_
#define PRPNAS_RUN_SPACE_LISTING_H_

#include <cstdint>
#include <functional>

#include "prpnas/space/search_space.h"

namespace prpnas::run {

struct SpaceCounts {
  std::uint64_t combinations = 0;  // every choice vector
  std::uint64_t allowed = 0;       // those the space's rule allows (is_valid)
  std::uint64_t degenerate = 0;    // allowed but degenerate
};

// Walks the whole space (fine for NB201's 15,625 architectures) unless every
// combination works (DARTS). Throws ConfigError for a larger space with rules.
SpaceCounts count_space(const space::SearchSpace& space);

using ArchitectureSink = std::function<void(const space::Architecture&)>;

// Every allowed architecture in index order, without the degenerate ones when
// `skip_degenerate`.
void enumerate_architectures(const space::SearchSpace& space, bool skip_degenerate, const ArchitectureSink& emit);

struct SampleRequest {
  std::uint64_t count = 0, seed = 0;
  bool skip_degenerate = false;
  bool unique = false;  // without replacement
  double mix = 0;       // > 0: space::sample_mixed with this concentration
};

// `count` draws among the allowed architectures (std::mt19937_64(seed),
// rejection), uniform or mixed, each given to `emit` as it is drawn. Throws
// ConfigError, before any draw, when `unique` asks for more than there are.
void sample_architectures(const space::SearchSpace& space, const SampleRequest& request, const ArchitectureSink& emit);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_SPACE_LISTING_H_
