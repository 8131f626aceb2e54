// Trains architectures stand-alone into a ground-truth file, `jobs` at a
// time (one libtorch thread each is what the shipped files used). Rows land
// in the file as each architecture finishes, so a killed run loses at most
// the ones in flight; architectures already in the file are skipped.
#ifndef PRPNAS_EVAL_GROUND_TRUTH_JOBS_H_
#define PRPNAS_EVAL_GROUND_TRUTH_JOBS_H_

#include <cstdio>
#include <vector>

#include "prpnas/data/image_dataset.h"
#include "prpnas/eval/ground_truth_file.h"
#include "prpnas/eval/standalone.h"
#include "prpnas/space/search_space.h"

namespace prpnas::eval {

// Returns how many were trained. The first error of any job stops the others
// (after their current architecture) and is rethrown.
std::size_t train_missing(const space::SearchSpace& space, const std::vector<space::Architecture>& archs,
                          const data::DatasetSplits& data, const Fidelity& fidelity, GroundTruthFile& file,
                          int jobs, std::FILE* progress);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_GROUND_TRUTH_JOBS_H_
