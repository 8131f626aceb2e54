// One-hot features of an architecture over its space's choice matrix: one
// block per decision, in decision order, with one entry per choice, set to 1
// for the chosen one (NB201: 6 decisions x 5 choices = 30 features, feature
// 5 * d + c is "decision d took choice c"). The input of every cost predictor.
#ifndef PRPNAS_HW_ONE_HOT_H_
#define PRPNAS_HW_ONE_HOT_H_

#include <vector>

#include "prpnas/space/search_space.h"

namespace prpnas::hw {

// Number of features: the sum over decisions of their choice counts.
int one_hot_width(const space::SearchSpace& space);

// Throws ParseError unless arch belongs to the space (SearchSpace::check).
std::vector<float> one_hot(const space::SearchSpace& space, const space::Architecture& arch);

// The one-hot rows of all archs, row-major: archs.size() x one_hot_width(space).
std::vector<float> one_hot_rows(const space::SearchSpace& space,
                                const std::vector<space::Architecture>& archs);

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_ONE_HOT_H_
